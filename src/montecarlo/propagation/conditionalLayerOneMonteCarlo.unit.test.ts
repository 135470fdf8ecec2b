import { describe, expect, it } from 'vitest';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { conditionalLayerOneMonteCarlo } from './conditionalLayerOneMonteCarlo.ts';
import { propagationTheory } from './propagationTheory.ts';

// The fast cases (exact for constant-magnitude weights, small runs, validation); the statistical
// agreement and the teeth at 1% (20,000 networks per run) are in conditionalLayerOneMonteCarlo.test.ts.
describe('conditionalLayerOneMonteCarlo (fast cases)', () => {
  it('is exact when the weights have constant magnitude (Rademacher): the conditional moments equal Proposition 1 and 3 at layer 1', () => {
    // |W_ij| = √(2/(w_0(1+a²))) for every draw, so p_i, q_i, r_ik are constants and every draw gives the same (s₂, s₄, s₂₂).
    for (const [widths, slope] of [[[3, 4], 0], [[5, 2], 0.5], [[4, 3], -2]] as const) {
      const r = conditionalLayerOneMonteCarlo({ widths, slope, weights: rademacher(), input: normal(), samples: 10, seed: 1, falseAlarm: 1e-6 });
      const t = propagationTheory({ widths, slope, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 3 })[1]!;
      // float32 weights: relative rounding ≈ 1e-7 per factor.
      expect(r.summary.variance.estimate!).toBeCloseTo(t.variance, 6);
      expect(r.summary.kappa.estimate!).toBeCloseTo(t.kappa, 5);
      expect(r.summary.c!.estimate!).toBeCloseTo(t.c, 5);
      expect(r.tests.variance.decision).toBe('out-of-reach'); // stderr 0: nothing to test statistically
      expect(r.tests.decision).toBe('out-of-reach');
    }
  });

  it('rejects bad options naming the field', () => {
    const ok = { widths: [2, 2] as [number, number], slope: 0, weights: normal(), input: normal(), samples: 10, seed: 1, falseAlarm: 1e-6 };
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, widths: [2] as unknown as [number, number] })).toThrow(/conditionalLayerOneMonteCarlo: options.widths/);
    for (const widths of [[0, 2], [2, 2.5], [2, 2, 2]]) expect(() => conditionalLayerOneMonteCarlo({ ...ok, widths: widths as [number, number] })).toThrow(/options.widths must be \[w_0, w_1\]/);
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, widths: 'ab' as unknown as [number, number] })).toThrow(/options.widths/);
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, samples: 1 })).toThrow(/options.samples/);
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, seed: -1 })).toThrow(/options.seed/);
  });

  it('combines the layer decision: an out-of-reach test makes it out-of-reach, a rejection beats it', () => {
    // theory.kappa = 1e-9 makes κ's deviation 5e-11: power ≈ 0, out of reach before any test; the
    // variance and c against the true theory are consistent (false alarm 1e-8 each, seed 5), and a
    // variance 20% off is rejected (relative stderr of σ̂² ≈ 0.3%: t ≈ 60).
    const base = { widths: [8, 8] as const, slope: 0, weights: normal(), input: normal(), samples: 4000, seed: 5, falseAlarm: 1e-8, relativeDeviation: 0.05 };
    const t = propagationTheory({ widths: [8, 8], slope: 0, weightKurtosis: 3, inputVariance: 1, inputKurtosis: 3 })[1]!;
    const far = conditionalLayerOneMonteCarlo({ ...base, theory: { ...t, kappa: 1e-9 } });
    expect([far.tests.variance.decision, far.tests.kappa.decision, far.tests.c!.decision]).toEqual(['consistent', 'out-of-reach', 'consistent']);
    expect(far.tests.decision).toBe('out-of-reach');
    const both = conditionalLayerOneMonteCarlo({ ...base, theory: { ...t, variance: 1.2, kappa: 1e-9 } });
    expect([both.tests.variance.decision, both.tests.kappa.decision]).toEqual(['rejected', 'out-of-reach']);
    expect(both.tests.decision).toBe('rejected');
    expect(both.tests.layer).toBe(1);
    expect(both.tests.width).toBe(8);
  });

  it('w_1 = 1 (no pairs: c null) and w_0 = 1 are accepted; samples beyond one chunk of 4096 are all used', () => {
    // Rademacher weights: p_i = 2/(w_0(1+a²))·w_0 = 2, so s₂ = μ₂·2 = 1 for every network (μ₂ = 1/2 for ReLU of N(0,1)).
    const one = conditionalLayerOneMonteCarlo({ widths: [3, 1], slope: 0, weights: rademacher(), input: normal(), samples: 5000, seed: 1, falseAlarm: 1e-6 });
    expect(one.tests.c).toBeNull();
    expect(one.summary.c).toBeNull();
    expect(one.summary.n).toBe(5000);
    expect(one.tests.width).toBe(1);
    expect(one.summary.variance.estimate!).toBeCloseTo(1, 6);
    expect(one.tests.decision).toBe('out-of-reach');
    const w0 = conditionalLayerOneMonteCarlo({ widths: [1, 2], slope: 0, weights: rademacher(), input: normal(), samples: 2, seed: 1, falseAlarm: 1e-6 });
    const t = propagationTheory({ widths: [1, 2], slope: 0, weightKurtosis: 1, inputVariance: 1, inputKurtosis: 3 })[1]!;
    expect(w0.summary.kappa.estimate!).toBeCloseTo(t.kappa, 5);
    expect(w0.summary.c!.estimate!).toBeCloseTo(t.c, 5);
    expect(w0.samples).toBe(2);
  });

  it('rejects non-integer samples and seeds outside the safe integers, naming the field', () => {
    const ok = { widths: [2, 2] as [number, number], slope: 0, weights: normal(), input: normal(), samples: 10, seed: 1, falseAlarm: 1e-6 };
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, samples: 2.5 })).toThrow(/options.samples must be an integer >= 2, got 2.5/);
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, seed: 1.5 })).toThrow(/options.seed must be a non-negative safe integer, got 1.5/);
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, seed: 2 ** 53 })).toThrow(/options.seed/);
    expect(() => conditionalLayerOneMonteCarlo({ ...ok, widths: [2, 0] })).toThrow(/options.widths must be \[w_0, w_1\], integers >= 1, got 2,0/);
    expect(conditionalLayerOneMonteCarlo({ ...ok, seed: 0 }).seed).toBe(0);
  });
});
