import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../distributions/normal.ts';
import {
  minSamplesForQuantileBound,
  quantileConfidenceInterval,
  quantileLowerBound,
  quantileUpperBound,
} from './quantileConfidenceInterval.ts';

const z = normal();
const oneTo100 = Array.from({ length: 100 }, (_, i) => i + 1);

describe('quantileConfidenceInterval and one-sided bounds', () => {
  it('ranks match SciPy binom (smallest k with cdf(k−1) ≥ 1−α; largest k with sf(k−1) ≥ 1−α)', () => {
    expect(quantileUpperBound(oneTo100, 0.9, 0.05)).toMatchObject({ value: 96, rank: 96 });
    expect(quantileLowerBound(oneTo100, 0.9, 0.05)).toMatchObject({ value: 85, rank: 85 });
    const ci = quantileConfidenceInterval([...oneTo100].reverse(), 0.5, 0.95); // unsorted input
    expect(ci).toMatchObject({ n: 100, lower: 40, upper: 61, lowerRank: 40, upperRank: 61, estimate: 50.5 });
  });

  it('needs enough samples: null bound and the required n', () => {
    expect(minSamplesForQuantileBound(0.999, 0.001, 'upper')).toBe(6905);
    expect(minSamplesForQuantileBound(0.9, 0.025, 'upper')).toBe(36);
    expect(minSamplesForQuantileBound(0.999, 0.025, 'lower')).toBe(1);
    const few = Array.from({ length: 35 }, (_, i) => i);
    expect(quantileUpperBound(few, 0.9, 0.025)).toMatchObject({ value: null, rank: null, minSamples: 36 });
    expect(quantileUpperBound([...few, 35], 0.9, 0.025)).toMatchObject({ value: 35, rank: 36 });
    const ci = quantileConfidenceInterval(few, 0.999, 0.95);
    expect(ci.upper).toBeNull();
    expect(ci.minSamplesUpper).toBe(minSamplesForQuantileBound(0.999, 0.025, 'upper'));
  });

  it('coverage guarantee ≥ 1 − α is reported and holds exactly', () => {
    const u = quantileUpperBound(oneTo100, 0.95, 0.025);
    expect(u.coverage).not.toBeNull();
    expect(u.coverage!).toBeGreaterThanOrEqual(0.975);
  });

  it('validity by simulation (normal, n = 60, q = 0.9, 4000 sims): miss rates ≤ α + 3 sd, two-sided coverage ≥ 0.95 − 3 sd', () => {
    const rng = xoroshiro128plus(31337);
    const xi = 1.2815515655446004; // N(0,1) 0.9-quantile
    const reps = 4000;
    const n = 60;
    const alpha = 0.05;
    let upMiss = 0;
    let loMiss = 0;
    let twoMiss = 0;
    const v = new Float64Array(n);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < n; i++) v[i] = z.sample(rng);
      if (quantileUpperBound(v, 0.9, alpha).value! < xi) upMiss++;
      if (quantileLowerBound(v, 0.9, alpha).value! > xi) loMiss++;
      const ci = quantileConfidenceInterval(v, 0.9, 0.95);
      if (!(ci.lower! <= xi && xi <= ci.upper!)) twoMiss++;
    }
    const tol = 3 * Math.sqrt((alpha * (1 - alpha)) / reps);
    expect(upMiss / reps).toBeLessThanOrEqual(alpha + tol);
    expect(loMiss / reps).toBeLessThanOrEqual(alpha + tol);
    expect(twoMiss / reps).toBeLessThanOrEqual(alpha + tol);
  });

  it('power: bounds separate the 0.9-quantiles of N(0,1) and N(3,1) at n = 200', () => {
    const rng = xoroshiro128plus(5);
    const a = Array.from({ length: 200 }, () => z.sample(rng));
    const b = Array.from({ length: 200 }, () => 3 + z.sample(rng));
    expect(quantileUpperBound(a, 0.9, 0.0125).value!).toBeLessThan(quantileLowerBound(b, 0.9, 0.0125).value!);
  });

  it('conservative with ties (a discrete law) and accepts ±Infinity', () => {
    const vals = [...Array(50).fill(0), ...Array(50).fill(1)];
    expect(quantileUpperBound(vals, 0.5, 0.05).value).toBe(1);
    expect(quantileConfidenceInterval([1, 2, Infinity, Infinity], 0.5, 0.5).estimate).toBe(Infinity);
  });

  it('rejects bad input', () => {
    expect(() => quantileConfidenceInterval([], 0.5)).toThrow('no values');
    expect(() => quantileConfidenceInterval([1, 2], 1)).toThrow('q must be a number in (0, 1)');
    expect(() => quantileUpperBound([1, NaN], 0.5, 0.05)).toThrow('NaN at index 1');
  });
});
