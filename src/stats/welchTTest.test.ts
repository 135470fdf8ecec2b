import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../distributions/normal.ts';
import { welchTTest } from './welchTTest.ts';

const z = normal();

describe('welchTTest', () => {
  it('matches SciPy ttest_ind(equal_var=False) for all three alternatives', () => {
    const a = [1, 2, 3, 4];
    const b = [2, 4, 6, 8, 10];
    const less = welchTTest(a, b, 'less');
    expect(less.difference).toBeCloseTo(-3.5, 14);
    expect(less.t).toBeCloseTo(-2.2514363231593695, 12);
    expect(less.df).toBeCloseTo(5.520787746170677, 10);
    expect(less.pValue).toBeCloseTo(0.034566796596196186, 10);
    expect(less.standardError).toBeCloseTo(Math.sqrt(5 / 12 + 2), 12);
    expect(less.interval[0]).toBeNull();
    expect(less.interval[1]).toBeCloseTo(-0.4315889712503096, 8);
    const greater = welchTTest(a, b, 'greater');
    expect(greater.pValue).toBeCloseTo(0.9654332034038038, 10);
    expect(greater.interval[0]).toBeCloseTo(-6.56841102874969, 8);
    const two = welchTTest(a, b, 'two-sided');
    expect(two.pValue).toBeCloseTo(0.06913359319239237, 10);
    expect(two.interval[0]).toBeCloseTo(-7.385368080514045, 8);
    expect(two.interval[1]).toBeCloseTo(0.3853680805140449, 8);
  });

  it('nullDifference shifts H0 (non-inferiority margin), matching SciPy on shifted data', () => {
    const a = [0.91, 0.93, 0.92, 0.95, 0.9, 0.94];
    const b = [0.97, 0.96, 0.98, 0.97];
    const r = welchTTest(a, b, 'greater', { nullDifference: -0.05, confidence: 0.975 });
    expect(r.t).toBeCloseTo(0.5773502691896397, 10);
    expect(r.pValue).toBeCloseTo(0.2905612106901506, 10);
    expect(r.df).toBeCloseTo(7.275449101796416, 10);
    expect(r.interval[0]).toBeCloseTo(-0.06532212106597701, 8);
  });

  it('degenerate: both variances zero → p = 0 strictly in the alternative direction, else 1', () => {
    expect(welchTTest([0.1, 0.1], [0.9, 0.9, 0.9], 'less').pValue).toBe(0);
    expect(welchTTest([0.1, 0.1], [0.9, 0.9, 0.9], 'greater').pValue).toBe(1);
    expect(welchTTest([0.1, 0.1], [0.9, 0.9, 0.9], 'two-sided').pValue).toBe(0);
    expect(welchTTest([0.5, 0.5], [0.5, 0.5], 'two-sided').pValue).toBe(1);
    expect(welchTTest([0.5, 0.5], [0.5, 0.5], 'less').pValue).toBe(1);
    const m = welchTTest([0.5, 0.5], [0.5, 0.5], 'greater', { nullDifference: -0.05 });
    expect(m.pValue).toBe(0);
    expect(m.t).toBeNull();
    expect(m.df).toBeNull();
    // one zero-variance sample is not degenerate: df = n_b − 1
    expect(welchTTest([1, 1, 1], [1, 2, 3, 4], 'less').df).toBeCloseTo(3, 12);
  });

  it('throws a one-line error for n < 2 or a non-finite value', () => {
    expect(() => welchTTest([1], [1, 2], 'less')).toThrow('welchTTest: sample a needs at least 2 values, got 1');
    expect(() => welchTTest([1, 2], [], 'less')).toThrow('welchTTest: sample b needs at least 2 values, got 0');
    expect(() => welchTTest([1, NaN], [1, 2], 'less')).toThrow('non-finite');
  });

  it('validity under H0 with unequal variances and sizes (5 vs 12, sd 1 vs 3; 4000 sims): rate ≤ α + 3 sd; power for a 2-sd shift', () => {
    const rng = xoroshiro128plus(99);
    const reps = 4000;
    const alpha = 0.05;
    let less = 0;
    let two = 0;
    let power = 0;
    const a = new Float64Array(5);
    const b = new Float64Array(12);
    const c = new Float64Array(12);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < 5; i++) a[i] = z.sample(rng);
      for (let i = 0; i < 12; i++) {
        const e = 3 * z.sample(rng);
        b[i] = e;
        c[i] = e + 4;
      }
      if (welchTTest(a, b, 'less').pValue < alpha) less++;
      if (welchTTest(a, b, 'two-sided').pValue < alpha) two++;
      if (welchTTest(a, c, 'less').pValue < alpha) power++;
    }
    const tol = 3 * Math.sqrt((alpha * (1 - alpha)) / reps);
    expect(less / reps).toBeLessThanOrEqual(alpha + tol);
    expect(two / reps).toBeLessThanOrEqual(alpha + tol);
    expect(power / reps).toBeGreaterThan(0.9);
  });
});

describe('welchTTest: defaults, degenerate intervals and option errors', () => {
  it('defaults to the two-sided alternative', () => {
    const r = welchTTest([1, 2, 3, 4], [2, 4, 6, 8, 10]);
    expect(r.alternative).toBe('two-sided');
    expect(r.pValue).toBeCloseTo(0.06913359319239237, 10); // SciPy, as above
  });

  it('degenerate (SE = 0): the direction of the exact difference decides, for each alternative', () => {
    // difference = 0.9 − 0.1 = 0.8 > 0: only 'less' keeps p = 1.
    expect(welchTTest([0.9, 0.9], [0.1, 0.1], 'less').pValue).toBe(1);
    expect(welchTTest([0.9, 0.9], [0.1, 0.1], 'greater').pValue).toBe(0);
    // difference exactly the null value: no alternative is shown.
    expect(welchTTest([0.5, 0.5], [0.5, 0.5], 'greater').pValue).toBe(1);
  });

  it('degenerate (SE = 0): the interval collapses to the difference on the alternative’s side(s)', () => {
    const d = 0.5 - 0.25; // exact in binary
    expect(welchTTest([0.5, 0.5], [0.25, 0.25, 0.25], 'less').interval).toEqual([null, d]);
    expect(welchTTest([0.5, 0.5], [0.25, 0.25, 0.25], 'greater').interval).toEqual([d, null]);
    expect(welchTTest([0.5, 0.5], [0.25, 0.25, 0.25], 'two-sided').interval).toEqual([d, d]);
  });

  it('rejects an unknown alternative, a non-finite nullDifference and a bad confidence, naming them', () => {
    expect(() => welchTTest([1, 2], [3, 4], 'both' as never)).toThrow(/^welchTTest: alternative must be 'less', 'greater' or 'two-sided', got both$/);
    expect(() => welchTTest([1, 2], [3, 4], 'less', { nullDifference: Number.NaN })).toThrow(/^welchTTest: options\.nullDifference must be finite, got NaN$/);
    expect(() => welchTTest([1, 2], [3, 4], 'less', { nullDifference: Infinity })).toThrow(/^welchTTest: options\.nullDifference must be finite, got Infinity$/);
    expect(() => welchTTest([1, 2], [3, 4], 'less', { confidence: 1 })).toThrow(/^welchTTest: options\.confidence must be a number in \(0, 1\), got 1$/);
  });
});
