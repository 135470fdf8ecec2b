import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { sampleSkewness, sampleStandardDeviation } from 'simple-statistics';
import { normal } from '../distributions/normal.ts';
import { createSignMomentAccumulator } from './createSignMomentAccumulator.ts';

describe('createSignMomentAccumulator', () => {
  it('computes the pooled moments of a hand example exactly', () => {
    // Draws (1, −1) and (3, 1): s1 = 0, 2; s2 = 1, 5; s3 = 0, 14; s11 = −1, 3.
    const s = createSignMomentAccumulator({ width: 2, batches: 2 }).addDraws([1, -1, 3, 1]).summary();
    expect(s.mean.estimate).toBe(1);
    expect(s.secondMoment.estimate).toBe(3);
    expect(s.thirdMoment.estimate).toBe(7);
    expect(s.crossMoment!.estimate).toBe(1);
    expect(s.perEntrySecondMoment.map((e) => e.estimate)).toEqual([5, 1]);
    // Two batches of one draw: batch-means stderr = |a − b|/2.
    expect(s.crossMoment!.stderr).toBe(2);
    expect(s.crossMoment!.df).toBe(1);
  });

  it('has no cross moment at width 1', () => {
    expect(createSignMomentAccumulator({ width: 1 }).addDraws([2, -2]).summary().crossMoment).toBeNull();
  });

  it('estimates E[y_i y_j] = ρ for correlated normal pairs within 5 stderr (seed 11, n = 40000)', () => {
    // y = (g1, ρ g1 + √(1−ρ²) g2): E[y1 y2] = ρ. A 5-stderr miss has probability ≈ 6e-7 (t_63 ≈ 2e-6).
    const rho = 0.3;
    const rng = xoroshiro128plus(11);
    const g = normal();
    const data = new Float64Array(2 * 40000);
    for (let i = 0; i < 40000; i++) {
      const a = g.sample(rng);
      data[2 * i] = a;
      data[2 * i + 1] = rho * a + Math.sqrt(1 - rho * rho) * g.sample(rng);
    }
    const s = createSignMomentAccumulator({ width: 2 }).addDraws(data).summary();
    expect(Math.abs(s.crossMoment!.estimate! - rho)).toBeLessThan(5 * s.crossMoment!.stderr!);
    expect(Math.abs(s.thirdMoment.estimate!)).toBeLessThan(5 * s.thirdMoment.stderr!);
    // batch-means and i.i.d. stderr agree for independent draws (ratio within 30%: sd of a 64-batch sd estimate ≈ 9%).
    expect(s.crossMoment!.stderr! / s.crossMoment!.deltaStderr!).toBeGreaterThan(0.7);
    expect(s.crossMoment!.stderr! / s.crossMoment!.deltaStderr!).toBeLessThan(1.3);
  });

  it('rejects bad options and data, naming the field', () => {
    expect(() => createSignMomentAccumulator({ width: 0 })).toThrow(/options.width/);
    expect(() => createSignMomentAccumulator({ width: 2, batches: 1 })).toThrow(/options.batches/);
    expect(() => createSignMomentAccumulator({ width: 2 }).addDraws([1, 2, 3])).toThrow(/not a multiple of width 2/);
  });

  it('batch k mod B, batch-means stderr and the i.i.d. (delta) stderr, by hand', () => {
    // Draws (1, −1), (3, 1), (−1, 2): s₂ = 1, 5, 5/2. B = 2: batch 0 = draws 1 and 3 (mean 7/4),
    // batch 1 = draw 2 (mean 5): stderr = |5 − 7/4|/2 = 13/8, df 1. Estimate 17/6; the i.i.d. stderr
    // from the sample variance ((11/6)² + (13/6)² + (2/6)²)/2 = 49/12 of the three s₂: √(49/12/3) = 7/6.
    const s = createSignMomentAccumulator({ width: 2, batches: 2 }).addDraws([1, -1, 3, 1, -1, 2]).summary();
    expect(s.n).toBe(3);
    expect(s.width).toBe(2);
    expect(s.secondMoment.estimate).toBeCloseTo(17 / 6, 14);
    expect(s.secondMoment.stderr).toBeCloseTo(13 / 8, 14);
    expect(s.secondMoment.df).toBe(1);
    expect(s.secondMoment.batchSkewness).toBeNull();
    expect(s.secondMoment.deltaStderr).toBeCloseTo(7 / 6, 14);
    // Entry 2's own E[y²]: 1, 1, 4 → 2; batches (1 + 4)/2 = 5/2 and 1: stderr 3/4.
    expect(s.perEntrySecondMoment[1]!.estimate).toBe(2);
    expect(s.perEntrySecondMoment[1]!.stderr).toBeCloseTo(0.75, 14);
    // E[y_1 y_2] per draw (ordered pairs): −1, 3, −2 → 0.
    expect(s.crossMoment!.estimate).toBe(0);
  });

  it('no draws: every estimate null; one draw: no stderr of either kind', () => {
    const e = createSignMomentAccumulator({ width: 2 }).summary();
    const none = { estimate: null, stderr: null, df: null, deltaStderr: null, batchSkewness: null };
    expect([e.mean, e.secondMoment, e.thirdMoment, e.crossMoment, ...e.perEntrySecondMoment]).toEqual(Array(6).fill(none));
    const one = createSignMomentAccumulator({ width: 2 }).addDraws([2, 1]).summary();
    expect(one.secondMoment.estimate).toBe(2.5);
    expect(one.secondMoment.deltaStderr).toBeNull();
    expect(one.secondMoment.stderr).toBeNull();
    expect(one.thirdMoment.estimate).toBe(4.5);
    const acc = createSignMomentAccumulator({ width: 2 }).addDraws([2, 1, 0, 0]);
    expect(acc.count).toBe(2);
  });

  it('E[y_i y_j] over ordered pairs at width 3, the mean’s batch stderr, skewness over B ≥ 3, and a zero i.i.d. stderr', () => {
    // (1, 2, 3): ((Σy)² − Σy²)/(w(w − 1)) = (36 − 14)/6 = 11/3 = (2 + 3 + 6)·2/6.
    expect(createSignMomentAccumulator({ width: 3 }).addDraws([1, 2, 3]).summary().crossMoment!.estimate).toBeCloseTo(11 / 3, 14);
    // Means of (1, −1), (3, 1), (−1, 2): 0, 2, 1/2; B = 2: batches 1/4 and 2, stderr 7/8.
    expect(createSignMomentAccumulator({ width: 2, batches: 2 }).addDraws([1, -1, 3, 1, -1, 2]).summary().mean.stderr).toBeCloseTo(7 / 8, 14);
    // Width 1, draws 1, 2, 4 in 3 of B = 4 batches: the batch means of y² are 1, 4, 16.
    const s = createSignMomentAccumulator({ width: 1, batches: 4 }).addDraws([1, 2, 4]).summary();
    expect(s.secondMoment.stderr).toBeCloseTo(sampleStandardDeviation([1, 4, 16]) / Math.sqrt(3), 13);
    expect(s.secondMoment.batchSkewness).toBeCloseTo(sampleSkewness([1, 4, 16]), 12);
    expect(s.secondMoment.df).toBe(2);
    expect(createSignMomentAccumulator({ width: 2 }).addDraws([1, 1, 1, 1]).summary().secondMoment.deltaStderr).toBe(0);
  });
});
