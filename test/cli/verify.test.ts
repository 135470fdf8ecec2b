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

describe('vv verify --audit-seeds (vary-seed false-alarm audit)', () => {
  it('runs the true Monte Carlo checks N times, writes audit.{json,md}, and compares the alarm rate with the stated one', async () => {
    const { monteCarloCheck } = await import('../../src/verify/monteCarloCheck.ts');
    const { assertEstimateConsistent } = await import('../../src/stats/assertEstimateConsistent.ts');
    // A true claim tested with a deterministic N(0, 1) "estimate" per seed (hashed), one test per run.
    const check = monteCarloCheck<number>({
      id: 'mc/true',
      role: 'statement',
      source: 'test',
      description: 'synthetic true claim',
      configurations: () => [0],
      testsPerConfiguration: () => 1,
      run: (_c, { seed, falseAlarm }) => {
        const u = (((seed * 2654435761) % 2 ** 32) + 0.5) / 2 ** 32;
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * ((seed * 40503) % 997) / 997);
        return [{ quantity: 'q', inputs: 'i', samples: 1, seed, assertion: assertEstimateConsistent({ estimate: z, stderr: 1, df: Infinity, theory: 0, falseAlarm, absoluteDeviation: 10 }) }];
      },
    });
    const cwd = tempDir();
    const expectationsPath = join(cwd, 'expectations.json');
    writeFileSync(expectationsPath, JSON.stringify({ mc: { verdict: 'supported', checks: { 'mc/true': 'supported' } } }));
    const io = { cwd, statements: [{ id: 'mc', title: 'mc', statement: 's', checks: [check] }], expectationsPath };
    const { code, stdout, stderr } = await runMain(['verify', '--audit-seeds', '50', '--audit-false-alarm', '0.2', '--backend', 'cpu'], io);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/\[audit 50\/50\]/);
    expect(stdout).toMatch(/of 50 runs raised a false alarm .* consistent with the stated rate/);
    expect(listFiles(join(cwd, 'reports'))).toEqual(['audit.json', 'audit.md']);
    const audit = JSON.parse(readFileSync(join(cwd, 'reports', 'audit.json'), 'utf8'));
    expect(audit).toMatchObject({ backend: 'cpu', checks: ['mc/true'], testsPerRun: 1, perTest: 0.2 });
    expect(audit.audit.runs).toBe(50);
  });
});
