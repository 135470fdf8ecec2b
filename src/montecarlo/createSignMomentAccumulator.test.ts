import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
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
});
