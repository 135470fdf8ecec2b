/**
 * Mutation tests of `vv verify`'s Monte Carlo (issue 14 §4): a 1% error planted in production code
 * through the test-only injection point VV_TEST_MUTANT (src/testing/testMutant.ts) must make the
 * verify pipeline exit 1 with the conditional layer-1 check refuted:
 *
 * - `he-variance-a2-plus-1.01`: heInit's variance 2/(fan_in(a² + 1.01)) → layer-1 variance −0.99% at a = 0;
 * - `kappa-estimator-bias-1pct`: the accumulator's κ̂ = 1.01·m₄/m₂² → κ_1 +1%.
 *
 * The pipeline is `vv verify` itself (in-process `main`: run, reports, comparison with the expected
 * verdicts, exit code), on the Monte Carlo checks the mutants target, with their verdicts expected
 * as in fixtures/expectations.json and the per-test false-alarm probability of a full quick run
 * (--false-alarm scaled by the share of the run's planned tests), so each test is exactly as strict
 * as in `npm run verify`. The unmutated control run must match (exit 0), so exit 1 is the mutant's doing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { allStatements } from '../../properties/index.ts';
import { verificationContext } from '../../src/report/runVerification.ts';
import { loadExpectations, type Expectations } from '../../src/verify/expectations.ts';
import { combineVerdicts } from '../../src/verify/runStatement.ts';
import { DEFAULT_SEED } from '../../src/verify/seed.ts';
import type { StatementSpec, Verdict } from '../../src/verify/types.ts';
import { cleanupTempDirs, runMain, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);
afterEach(() => {
  delete process.env.VV_TEST_MUTANT;
});

const VARIANCE_CHECK = 'proposition-1/montecarlo/layer-1-conditional-variance';
const KAPPA_CHECK = 'proposition-3/montecarlo/layer-1-conditional';
const targeted = new Set([VARIANCE_CHECK, KAPPA_CHECK]);

const fixture = loadExpectations(join(import.meta.dirname, '..', '..', 'fixtures', 'expectations.json'));
/** The real statements, reduced to the targeted Monte Carlo checks. */
const statements: StatementSpec[] = allStatements
  .map((s) => ({ ...s, checks: s.checks.filter((c) => targeted.has(c.id)) }))
  .filter((s) => s.checks.length > 0);
/** Their expectations: each check's verdict from the fixture, the statement verdicts combined from those. */
const expectations: Expectations = Object.fromEntries(
  statements.map((s) => {
    const checks = Object.fromEntries(s.checks.map((c) => [c.id, fixture[s.id]!.checks[c.id]!])) as Record<string, Verdict>;
    const of = (role: string) => combineVerdicts(s.checks.filter((c) => c.role === role).map((c) => checks[c.id]!));
    return [s.id, { verdict: of('statement'), ...(s.corrected ? { corrected: of('corrected') } : {}), checks }];
  }),
);
/** --false-alarm giving these checks' tests the per-test probability of the full quick run. */
const full = verificationContext({ statements: allStatements, seed: DEFAULT_SEED, tier: 'quick' }).falseAlarm!;
const falseAlarmFor = (ids: readonly string[]) => {
  const subset = verificationContext({ statements: statements.filter((s) => ids.includes(s.id)), seed: DEFAULT_SEED, tier: 'quick' }).falseAlarm!;
  return String(full.perTest * subset.tests);
};

describe('vv verify catches a 1% error (mutation tests, VV_TEST_MUTANT)', () => {
  const cwd = tempDir('vv-mutants-');
  const expectationsPath = join(cwd, 'expectations.json');
  writeFileSync(expectationsPath, JSON.stringify(expectations));
  const io = { cwd, statements, expectationsPath };
  const verify = (ids: string[], out: string) =>
    runMain(['verify', '--statement', ids.join(','), '--false-alarm', falseAlarmFor(ids), '--out', out], io);
  const testsOf = (out: string, checkId: string) => {
    const report = JSON.parse(readFileSync(join(cwd, out, 'verification.json'), 'utf8'));
    return report.statements.flatMap((s: { checks: { id: string; tests: { assertion: { decision: string; falseAlarm: number; power: number } }[] }[] }) => s.checks).find((c: { id: string }) => c.id === checkId).tests;
  };

  it('the expected verdicts are the fixture\'s: both checks supported', () => {
    expect(fixture['proposition-1']!.checks[VARIANCE_CHECK]).toBe('supported');
    expect(fixture['proposition-3']!.checks[KAPPA_CHECK]).toBe('supported');
  });

  it('control: without a mutant the run matches (exit 0), each test at the full run\'s per-test false-alarm probability', async () => {
    const { code, stdout } = await verify(['proposition-1', 'proposition-3'], 'control');
    expect(code, stdout).toBe(0);
    for (const t of [...testsOf('control', VARIANCE_CHECK), ...testsOf('control', KAPPA_CHECK)]) {
      expect(t.assertion.falseAlarm).toBeCloseTo(full.perTest, 20);
      if (t.assertion.decision === 'consistent') expect(t.assertion.power).toBeGreaterThanOrEqual(0.99);
    }
  }, 600_000);

  it('mutant he-variance-a2-plus-1.01 (weight variance 2/(fan_in(a² + 1.01))): exit 1, the layer-1 variance check refuted', async () => {
    process.env.VV_TEST_MUTANT = 'he-variance-a2-plus-1.01';
    const { code, stdout } = await verify(['proposition-1'], 'mutant-variance');
    expect(code, stdout).toBe(1);
    expect(stdout).toContain(`check ${VARIANCE_CHECK}: expected supported, got refuted`);
    expect(testsOf('mutant-variance', VARIANCE_CHECK).some((t: { assertion: { decision: string } }) => t.assertion.decision === 'rejected')).toBe(true);
  }, 600_000);

  it('mutant kappa-estimator-bias-1pct (κ̂ = 1.01·m₄/m₂²): exit 1, the layer-1 κ check refuted', async () => {
    process.env.VV_TEST_MUTANT = 'kappa-estimator-bias-1pct';
    const { code, stdout } = await verify(['proposition-3'], 'mutant-kappa');
    expect(code, stdout).toBe(1);
    expect(stdout).toContain(`check ${KAPPA_CHECK}: expected supported, got refuted`);
  }, 600_000);
});
