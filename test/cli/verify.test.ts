import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupTempDirs, fakeStatements, listFiles, runMain, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);

describe('vv verify (in-process, fake statements)', () => {
  const cwd = tempDir();
  const expectationsPath = join(cwd, 'fixtures', 'expectations.json');
  const io = { cwd, statements: fakeStatements(), expectationsPath };

  it('--write-expectations writes the fixture and both reports, returns 0', async () => {
    const { code, stdout, stderr } = await runMain(['verify', '--seed', '7', '--write-expectations'], io);
    expect(code).toBe(0);
    expect(stderr).toMatch(/\[1\/2\] fake-a: verified-exact/);
    expect(stderr).toMatch(/\[2\/2\] fake-b: refuted \(corrected: verified-exact\)/);
    expect(stdout).toMatch(/wrote expectations for 2 statement/);
    expect(listFiles(join(cwd, 'reports'))).toEqual(['verification.json', 'verification.md']);
    expect(JSON.parse(readFileSync(expectationsPath, 'utf8'))).toEqual({
      'fake-a': { verdict: 'verified-exact', checks: { 'fake-a/exact': 'verified-exact', 'fake-a/float': 'supported' } },
      'fake-b': { verdict: 'refuted', corrected: 'verified-exact', checks: { 'fake-b/statement': 'refuted', 'fake-b/corrected': 'verified-exact' } },
    });
  });

  it('a matching run returns 0 and the same seed gives the same JSON', async () => {
    const before = readFileSync(join(cwd, 'reports', 'verification.json'), 'utf8');
    const { code, stdout } = await runMain(['verify', '--seed', '7', '--tier', 'quick'], io);
    expect(code).toBe(0);
    expect(stdout).toMatch(/fake-a\s+verified-exact\s+2 checks\s+✓ matches expectations/);
    expect(readFileSync(join(cwd, 'reports', 'verification.json'), 'utf8')).toBe(before);
  });

  it('a mismatch returns 1 and lists it; --statement compares only those statements', async () => {
    const e = JSON.parse(readFileSync(expectationsPath, 'utf8'));
    e['fake-a'].checks['fake-a/float'] = 'refuted';
    writeFileSync(expectationsPath, JSON.stringify(e));
    const bad = await runMain(['verify', '--seed', '7', '--out', 'out2'], io);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ check fake-a\/float expected refuted/);
    expect(bad.stdout).toMatch(/fake-a: check fake-a\/float: expected refuted, got supported/);
    expect(listFiles(join(cwd, 'out2'))).toEqual(['verification.json', 'verification.md']);
    const only = await runMain(['verify', '--seed', '7', '--statement', 'fake-b', '--out', 'out3'], io);
    expect(only.code).toBe(0);
    expect(only.stdout).not.toMatch(/fake-a/);
    expect(JSON.parse(readFileSync(join(cwd, 'out3', 'verification.json'), 'utf8')).statements).toHaveLength(1);
  });

  it('--statement with --write-expectations replaces only those entries', async () => {
    const { code } = await runMain(['verify', '--seed', '7', '--statement', 'fake-b', '--write-expectations'], io);
    expect(code).toBe(0);
    const e = JSON.parse(readFileSync(expectationsPath, 'utf8'));
    expect(Object.keys(e)).toEqual(['fake-a', 'fake-b']);
    expect(e['fake-a'].checks['fake-a/float']).toBe('refuted'); // kept, not regenerated
    expect(listFiles(join(cwd, 'fixtures'))).toEqual(['expectations.json']);
  });
});
