import { describe, expect, it } from 'vitest';
import { assertEstimateConsistent } from '../stats/assertEstimateConsistent.ts';
import { auditFalseAlarms } from '../report/auditFalseAlarms.ts';
import { runVerification } from '../report/runVerification.ts';
import { monteCarloCheck } from './monteCarloCheck.ts';
import type { CheckContext } from './types.ts';

/** A synthetic Monte Carlo check: `tests` normal estimates of `truth` (stderr 1, df ∞) tested against `theory`. */
function syntheticCheck(options: { truth: number; theory: number; tests: number; configurations?: number }) {
  return monteCarloCheck<number>({
    id: 'synthetic/montecarlo',
    role: 'statement',
    source: 'test',
    description: 'synthetic',
    configurations: () => Array.from({ length: options.configurations ?? 1 }, (_, i) => i),
    testsPerConfiguration: () => options.tests,
    run: (_c, { seed, falseAlarm }) =>
      Array.from({ length: options.tests }, (_, k) => {
        // A deterministic "normal" draw from the seed: Box–Muller on two hashed uniforms.
        const u = ((seed * 2654435761 + k * 40503) % 2 ** 32) / 2 ** 32 || 0.5;
        const v = ((seed * 1597334677 + k * 3812015801) % 2 ** 32) / 2 ** 32;
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        return {
          quantity: `test ${k}`,
          inputs: 'synthetic',
          samples: 1,
          seed,
          assertion: assertEstimateConsistent({ estimate: options.truth + z, stderr: 1, df: Infinity, theory: options.theory, falseAlarm, absoluteDeviation: 10 }),
        };
      }),
  });
}

describe('monteCarloCheck', () => {
  const ctx: CheckContext = { seed: 1, numRuns: 100, tier: 'quick', falseAlarm: { run: 1e-6, tests: 4, perTest: 2.5e-7 } };

  it('is supported when no test rejects, and keeps every record with the per-test false-alarm probability', () => {
    const r = syntheticCheck({ truth: 0, theory: 0, tests: 4 }).run(ctx);
    expect(r.verdict).toBe('supported');
    expect(r.kind).toBe('montecarlo');
    expect(r.tests).toHaveLength(4);
    for (const t of r.tests!) expect(t.assertion.falseAlarm).toBe(2.5e-7);
    expect(r.evidence).toMatch(/4 tests: 4 consistent, 0 rejected, 0 out of reach/);
  });

  it('is refuted with the whole story when a test rejects (a 20-stderr deviation)', () => {
    const r = syntheticCheck({ truth: 20, theory: 0, tests: 4 }).run(ctx);
    expect(r.verdict).toBe('refuted');
    expect(r.counterexample).toMatch(/test \d — synthetic; n = 1, seed \d+: estimate .* theory 0, Δ = .* false-alarm probability 2\.500e-7/);
  });

  it('plans its tests so that runVerification splits the run budget over them (Bonferroni)', () => {
    const report = runVerification({ statements: [{ id: 's', title: 't', statement: 'x', checks: [syntheticCheck({ truth: 0, theory: 0, tests: 5, configurations: 2 })] }], seed: 3, tier: 'quick', backend: 'cpu' });
    expect(report.falseAlarm).toEqual({ run: 1e-6, tests: 10, perTest: 1e-7 });
    expect(report.backend).toBe('cpu');
    expect(report.statements[0]!.checks[0]!.tests!.every((t) => t.assertion.falseAlarm === 1e-7)).toBe(true);
  });

  it('the vary-seed audit counts runs with a false alarm and compares with the stated rate', () => {
    const audit = auditFalseAlarms({ checks: [syntheticCheck({ truth: 0, theory: 0, tests: 2 })], runs: 200, firstSeed: 1, tier: 'quick', runFalseAlarm: 0.2 });
    expect(audit.testsPerRun).toBe(2);
    expect(audit.perTest).toBeCloseTo(0.1, 15);
    expect(audit.audit.runs).toBe(200);
    // True nulls at 0.1 per test, 2 tests: P(alarm) = 0.19 ≤ 0.2. The count is Binomial(200, 0.19):
    // the one-sided audit at 99% flags it with probability < 0.01 (and the hashed normals are fixed).
    expect(audit.audit.consistent).toBe(true);
    expect(audit.alarms.length).toBeGreaterThan(10);
    const broken = auditFalseAlarms({ checks: [syntheticCheck({ truth: 3, theory: 0, tests: 2 })], runs: 100, firstSeed: 1, tier: 'quick', runFalseAlarm: 0.05 });
    expect(broken.audit.consistent).toBe(false);
  });
});
