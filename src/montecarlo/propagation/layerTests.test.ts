import { describe, expect, it } from 'vitest';
import { createSignMomentAccumulator } from '../createSignMomentAccumulator.ts';
import type { Estimate, LayerMomentSummary } from '../types.ts';
import { heRandomVectorTestCount, heRandomVectorTests } from './heRandomVectorTests.ts';
import { heRandomVectorMonteCarloTestCount } from './heRandomVectorMonteCarlo.ts';
import { PROPAGATION_DEFAULTS, propagationTestCount, testLayerMoments } from './propagationMonteCarlo.ts';
import type { LayerTests } from './propagationMonteCarlo.ts';

// Hand-made estimates, so that each decision is known without sampling: with stderr 1e-4 and df 63
// an estimate equal to the theory is consistent (t = 0) with power ≈ 1 against 5%; an estimate off
// by 10% (t ≈ 1000) is rejected at any false alarm used here; stderr 1 leaves a 5% deviation of a
// value ≈ 1 undetectable (power ≪ 0.8): out of reach; |batch skewness| 2 > 1 is out of reach too.
const est = (estimate: number, stderr = 1e-4, batchSkewness = 0): Estimate => ({ estimate, stderr, df: 63, deltaStderr: stderr, batchSkewness });
const summary = (width: number, v: Estimate, k: Estimate, c: Estimate | null): LayerMomentSummary => ({
  n: 6400,
  width,
  batches: 64,
  minBatchDraws: 100,
  variance: v,
  kappa: k,
  c,
  cNormalized: c,
});
const falseAlarm = 1e-6;

describe('testLayerMoments', () => {
  const theory = [{ variance: 1, kappa: 3, c: 0 }, { variance: 2, kappa: 4, c: 0.5 }];
  it('tests σ², κ and c of every layer against the theory with the default design (5%, power 0.8, |skewness| ≤ 1)', () => {
    const layers = testLayerMoments({ summaries: [summary(2, est(1), est(3), est(0)), summary(3, est(2), est(4), est(0.5))], theory, falseAlarm });
    expect(layers.map((l) => [l.layer, l.width, l.decision])).toEqual([[0, 2, 'consistent'], [1, 3, 'consistent']]);
    const l1 = layers[1]!;
    expect([l1.variance.theory, l1.kappa.theory, l1.c!.theory]).toEqual([2, 4, 0.5]);
    expect([l1.variance.relativeDeviation, l1.kappa.relativeDeviation]).toEqual([0.05, 0.05]);
    // c's deviation is relative to E[y_i²y_j²] = σ⁴ + |c|: 0.05·(4 + 0.5).
    expect(l1.c!.absoluteDeviation).toBeCloseTo(0.05 * 4.5, 14);
    expect(l1.c!.relativeDeviation).toBeNull();
    expect(layers[0]!.c!.absoluteDeviation).toBeCloseTo(0.05, 14); // c = 0: 0.05·σ⁴
    for (const r of [l1.variance, l1.kappa, l1.c!]) {
      expect([r.minPower, r.maxBatchSkewness, r.falseAlarm]).toEqual([PROPAGATION_DEFAULTS.minPower, PROPAGATION_DEFAULTS.maxBatchSkewness, falseAlarm]);
    }
    expect([PROPAGATION_DEFAULTS.minPower, PROPAGATION_DEFAULTS.maxBatchSkewness, PROPAGATION_DEFAULTS.relativeDeviation]).toEqual([0.8, 1, 0.05]);
  });
  it('passes relativeDeviation, minPower and maxBatchSkewness through', () => {
    const [l] = testLayerMoments({ summaries: [summary(2, est(1), est(3), est(0))], theory: [theory[0]!], falseAlarm, relativeDeviation: 0.02, minPower: 0.9, maxBatchSkewness: 3 });
    expect([l!.kappa.relativeDeviation, l!.kappa.minPower, l!.kappa.maxBatchSkewness]).toEqual([0.02, 0.9, 3]);
    expect(l!.c!.absoluteDeviation).toBeCloseTo(0.02, 14);
  });
  it('combines the layer decision: any rejection wins, then any out-of-reach, else consistent', () => {
    const t = [theory[1]!];
    const one = (v: Estimate, k: Estimate, c: Estimate | null, width = 3) => testLayerMoments({ summaries: [summary(width, v, k, c)], theory: t, falseAlarm })[0]!;
    const l = one(est(2), est(4), est(0.5));
    expect(l.decision).toBe('consistent');
    expect(one(est(2.2), est(4), est(0.5)).decision).toBe('rejected');
    expect(one(est(2), est(4.4), est(0.5)).decision).toBe('rejected');
    expect(one(est(2), est(4), est(1)).decision).toBe('rejected');
    const far = one(est(2), est(4, 1), est(0.5));
    expect([far.kappa.decision, far.decision]).toEqual(['out-of-reach', 'out-of-reach']);
    expect(one(est(2), est(4), est(0.5, 1e-4, 2)).decision).toBe('out-of-reach'); // skewed batches of c
    // A rejection beats an out-of-reach test in either order.
    expect(one(est(2.2), est(4, 1), est(0.5)).decision).toBe('rejected');
    expect(one(est(2), est(4, 1), est(1)).decision).toBe('rejected');
    // Width 1: no c test, the decision from σ² and κ only.
    const w1 = one(est(2), est(4), null, 1);
    expect([w1.c, w1.decision]).toEqual([null, 'consistent']);
  });
  it('rejects a theory of another length, saying both lengths', () => {
    expect(() => testLayerMoments({ summaries: [summary(2, est(1), est(3), est(0))], theory, falseAlarm })).toThrow(/testLayerMoments: options.theory has 2 layers, summaries 1/);
  });
  it('propagationTestCount: 3 tests per layer of width ≥ 2, 2 at width 1', () => {
    expect(propagationTestCount([4, 4, 1])).toBe(8);
    expect(propagationTestCount([1, 2])).toBe(5);
    expect(propagationTestCount([])).toBe(0);
  });
});

describe('heRandomVectorTests', () => {
  // Draws (1, −1), (3, 1), (−1, 2), (0, −2), batches of one draw (B = 4): the record fields below do
  // not depend on the estimates, only on the options.
  const s = createSignMomentAccumulator({ width: 2, batches: 4 }).addDraws([1, -1, 3, 1, -1, 2, 0, -2]).summary();
  it('pooled variance and the cross moment by default; deviations 5% of σ² for both', () => {
    const t = heRandomVectorTests({ summary: s, variance: 4, falseAlarm });
    expect(t.map((x) => x.quantity)).toEqual(['variance σ²', 'E[y_i y_j], i ≠ j (uncorrelated)']);
    expect(t[0]!.assertion.theory).toBe(4);
    expect(t[0]!.assertion.relativeDeviation).toBe(0.05);
    expect(t[0]!.assertion.estimate).toBe(s.secondMoment.estimate);
    expect([t[1]!.assertion.theory, t[1]!.assertion.absoluteDeviation]).toEqual([0, 0.05 * 4]);
    expect(t[1]!.assertion.estimate).toBe(s.crossMoment!.estimate);
    for (const x of t) expect([x.assertion.falseAlarm, x.assertion.minPower, x.assertion.maxBatchSkewness]).toEqual([falseAlarm, 0.8, 1]);
    expect(t).toHaveLength(heRandomVectorTestCount(2, {}));
  });
  it('perEntry: one variance test per entry; odd: zero mean (deviation r·σ) and zero third moment (r·σ³)', () => {
    const t = heRandomVectorTests({ summary: s, variance: 4, falseAlarm, odd: true, perEntry: true, relativeDeviation: 0.1 });
    expect(t.map((x) => x.quantity)).toEqual([
      "E[y_1²] (entry 1's variance)",
      "E[y_2²] (entry 2's variance)",
      'E[y_i y_j], i ≠ j (uncorrelated)',
      'E[y_i] (zero mean)',
      'E[y_i³] (symmetric)',
    ]);
    expect(t.map((x) => x.assertion.estimate)).toEqual([s.perEntrySecondMoment[0]!.estimate, s.perEntrySecondMoment[1]!.estimate, s.crossMoment!.estimate, s.mean.estimate, s.thirdMoment.estimate]);
    expect(t[0]!.assertion.relativeDeviation).toBe(0.1);
    expect(t.slice(2).map((x) => x.assertion.absoluteDeviation)).toEqual([0.1 * 4, 0.1 * 2, 0.1 * 2 * 4]);
    expect(t).toHaveLength(heRandomVectorTestCount(2, { odd: true, perEntry: true }));
  });
  it('width 1: no cross-moment test', () => {
    const s1 = createSignMomentAccumulator({ width: 1, batches: 2 }).addDraws([1, -2, 3, -1]).summary();
    expect(heRandomVectorTests({ summary: s1, variance: 1, falseAlarm }).map((x) => x.quantity)).toEqual(['variance σ²']);
  });
  it('counts: (perEntry ? w : 1) + (w ≥ 2 ? 1 : 0) + (odd ? 2 : 0), summed over layers 1…d', () => {
    expect(heRandomVectorTestCount(4, { odd: true, perEntry: true })).toBe(7);
    expect(heRandomVectorTestCount(4, {})).toBe(2);
    expect(heRandomVectorTestCount(1, { odd: true })).toBe(3);
    expect(heRandomVectorTestCount(3, { perEntry: true })).toBe(4);
    expect(heRandomVectorMonteCarloTestCount([8, 8, 4], {})).toBe(4);
    expect(heRandomVectorMonteCarloTestCount([8, 1, 3], { odd: true })).toBe(3 + 4);
  });
});
