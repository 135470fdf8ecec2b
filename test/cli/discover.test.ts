import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CIFAR10_STAND_IN_DIR } from '../../src/data/loadCifar10.ts';
import { cleanupTempDirs, fakeStatements, listFiles, runMain, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);

const COMMANDS = ['verify', 'kurtosis', 'montecarlo', 'input-stats', 'data', 'fig1', 'fig2', 'fig3', 'acceptance', 'merge'];

function expectations(): string {
  const path = join(tempDir('vv-exp-'), 'expectations.json');
  writeFileSync(
    path,
    JSON.stringify({
      'fake-a': { verdict: 'verified-exact', checks: { 'fake-a/exact': 'verified-exact', 'fake-a/float': 'supported' } },
      'fake-b': { verdict: 'refuted', corrected: 'verified-exact', checks: { 'fake-b/statement': 'refuted', 'fake-b/corrected': 'verified-exact' } },
    }),
  );
  return path;
}

describe('vv verify --list: every statement with its title and expected verdicts, no check run', () => {
  it('text: one line per statement; nothing written, no progress', async () => {
    const cwd = tempDir();
    const r = await runMain(['verify', '--list'], { cwd, statements: fakeStatements(), expectationsPath: expectations() });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^fake-a\s+A true statement\s+verified-exact\s+2 checks: 1 verified-exact, 1 supported$/);
    expect(lines[1]).toMatch(/^fake-b\s+A false statement \| with a pipe\s+refuted \(corrected: verified-exact\)\s+2 checks: 1 verified-exact, 1 refuted$/);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('--json: { statements: [{ id, title, verdict, corrected, checks }] }', async () => {
    const r = await runMain(['verify', '--list', '--json'], { cwd: tempDir(), statements: fakeStatements(), expectationsPath: expectations() });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { statements: { id: string; title: string; verdict: string | null; corrected: string | null; checks: Record<string, number> }[] };
    expect(doc.statements).toEqual([
      { id: 'fake-a', title: 'A true statement', verdict: 'verified-exact', corrected: null, checks: { 'verified-exact': 1, supported: 1 } },
      { id: 'fake-b', title: 'A false statement | with a pipe', verdict: 'refuted', corrected: 'verified-exact', checks: { 'verified-exact': 1, refuted: 1 } },
    ]);
  });

  it('a statement without expectations says so', async () => {
    const path = join(tempDir('vv-exp-'), 'e.json');
    writeFileSync(path, '{}');
    const r = await runMain(['verify', '--list'], { cwd: tempDir(), statements: fakeStatements(), expectationsPath: path });
    expect(r.stdout).toMatch(/^fake-a\s+A true statement\s+no expectations$/m);
  });
});

describe('vv verify --json: the summary as JSON', () => {
  it('statements with verdicts and whether they match, the report paths, the mismatches', async () => {
    const cwd = tempDir();
    const r = await runMain(['verify', '--json', '--out', 'out'], { cwd, statements: fakeStatements(), expectationsPath: expectations() });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown> & { statements: Record<string, unknown>[]; mismatches: unknown[]; reports: { json: string; markdown: string } };
    expect(doc).toMatchObject({ tier: 'quick', seed: 20261124, matchesExpectations: true, mismatches: [] });
    expect(doc.statements.map((s) => [s.id, s.verdict, s.corrected, s.checks, s.matchesExpectations])).toEqual([
      ['fake-a', 'verified-exact', null, 2, true],
      ['fake-b', 'refuted', 'verified-exact', 2, true],
    ]);
    expect(doc.reports).toEqual({ json: join(cwd, 'out', 'verification.json'), markdown: join(cwd, 'out', 'verification.md') });
  });

  it('a mismatch: exit 1, listed in mismatches', async () => {
    const path = join(tempDir('vv-exp-'), 'e.json');
    writeFileSync(path, JSON.stringify({ 'fake-a': { verdict: 'refuted', checks: { 'fake-a/exact': 'verified-exact', 'fake-a/float': 'supported' } } }));
    const r = await runMain(['verify', '--json', '--statement', 'fake-a', '--out', 'out'], { cwd: tempDir(), statements: fakeStatements(), expectationsPath: path });
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout) as { matchesExpectations: boolean; mismatches: { statementId: string; target: string; expected: string; actual: string }[] };
    expect(doc.matchesExpectations).toBe(false);
    expect(doc.mismatches).toEqual([{ statementId: 'fake-a', target: 'statement', expected: 'refuted', actual: 'verified-exact' }]);
  });
});

describe.skipIf(!existsSync(join(CIFAR10_STAND_IN_DIR, 'data_batch_1.bin')))('vv data fetch --json', () => {
  it('an existing complete copy: { dataset, status, dir, bytes, md5 }', async () => {
    const dest = tempDir();
    mkdirSync(join(dest, 'x'));
    symlinkSync(CIFAR10_STAND_IN_DIR, join(dest, 'x', 'cifar-10-batches-bin'));
    const r = await runMain(['data', 'fetch', 'cifar10', '--dest', join(dest, 'x'), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ dataset: 'cifar10', status: 'exists', dir: join(dest, 'x', 'cifar-10-batches-bin'), bytes: 0, md5: null });
  });
});

describe('help', () => {
  it('vv --help lists every command, the exit codes and the environment variables', async () => {
    const r = await runMain(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(r.stdout).toMatch(/Exit codes[^\n]*:\n {2}0 [^]*\n {2}1 [^]*\n {2}2 [^]*\n {2}130 /);
    for (const v of ['VV_BACKEND', 'VV_DATA_DIR', 'VV_SEED', 'VV_BLAS']) expect(r.stdout).toContain(v);
  });

  it.each([
    ['kurtosis', [/--depth <D> [^<]*\(required\)/, /--width <W> [^<]*\(this or --widths is required\)/]],
    ['montecarlo', [/--dist <NAME> [^<]*\(required\)/]],
    ['input-stats', [/--dataset <NAME> [^<]*\(required\)/]],
    ['fig1', [/--scale <S> [^<]*\(required\)/, /--dataset <NAME> [^<]*\(required\)/]],
    ['fig3', [/--width <W> [^<]*\(required\)/]],
    ['merge', [/--out <DIR> [^<]*\(required\)/]],
  ])('vv %s --help marks the required options', async (command, patterns) => {
    const r = await runMain([command, '--help']);
    expect(r.code).toBe(0);
    // Commander wraps descriptions: compare with whitespace collapsed; [^<]* stays within one option.
    const text = r.stdout.replace(/\s+/g, ' ');
    for (const p of patterns) expect(text).toMatch(p);
  });

  it('the scale help states the measured times (README: smoke ≈ 40 s, reduced ≈ 54 min)', async () => {
    const r = await runMain(['acceptance', '--help']);
    expect(r.stdout).toMatch(/smoke[^]*40 s/);
    expect(r.stdout).toMatch(/reduced[^]*54 min/);
    expect(r.stdout).not.toMatch(/about an hour|minutes\)/);
  });
});
