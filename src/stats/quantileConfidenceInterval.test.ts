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

describe('minSamplesForQuantileBound: the defining inequality base^n ≤ alpha < base^(n−1) at its boundaries', () => {
  it('alpha exactly a power of the base is enough (≤, not <): q = 0.5, alpha = 2⁻¹⁰ needs n = 10', () => {
    // 0.5¹⁰ = 2⁻¹⁰ exactly in binary floating point, so n = 10 satisfies qⁿ ≤ alpha and n = 9 does not.
    expect(minSamplesForQuantileBound(0.5, 2 ** -10, 'upper')).toBe(10);
    expect(minSamplesForQuantileBound(0.5, 2 ** -10, 'lower')).toBe(10);
  });

  it('alpha a hair below 2⁻¹⁰ needs n = 11 although ln(alpha)/ln(q) − 1e-9 rounds up to 10', () => {
    // ln(alpha)/ln(0.5) = 10 + 1.44e-12: the initial ceil undershoots, the upward correction must fire.
    const alpha = 2 ** -10 * (1 - 1e-12);
    expect(0.5 ** 10).toBeGreaterThan(alpha);
    expect(minSamplesForQuantileBound(0.5, alpha, 'upper')).toBe(11);
  });

  it('corrects an initial estimate that overshoots by one (large n, q close to 1)', () => {
    // Found by search: here ceil(ln(alpha)/ln(q) − 1e-9) = 4874140, yet q^4874139 ≤ alpha already,
    // so the smallest n is 4874139 (the downward guard must fire).
    const q = 0.9999998970256913;
    const alpha = 0.6053726137113999;
    const n = minSamplesForQuantileBound(q, alpha, 'upper');
    expect(q ** n).toBeLessThanOrEqual(alpha);
    expect(q ** (n - 1)).toBeGreaterThan(alpha);
    expect(n).toBe(4874139);
  });

  it('lower uses base 1 − q: q = 0.1, alpha = 0.05 needs 0.9ⁿ ≤ 0.05, i.e. n = 29 (0.9²⁸ ≈ 0.0523, 0.9²⁹ ≈ 0.0471)', () => {
    expect(minSamplesForQuantileBound(0.1, 0.05, 'lower')).toBe(29);
    expect(minSamplesForQuantileBound(0.1, 0.05, 'upper')).toBe(2); // 0.1² = 0.01 ≤ 0.05 < 0.1
  });

  it('names the API and the field in its errors', () => {
    expect(() => minSamplesForQuantileBound(0, 0.05, 'upper')).toThrow(/^minSamplesForQuantileBound: q must be a number in \(0, 1\), got 0$/);
    expect(() => minSamplesForQuantileBound(0.5, 1, 'upper')).toThrow(/^minSamplesForQuantileBound: options\.alpha must be a number in \(0, 1\), got 1$/);
  });
});

describe('one-sided bounds at exact binomial ties and tiny n', () => {
  // Bin(2, 1/2): P(X ≤ 0) = 1/4, P(X ≤ 1) = 3/4, P(X ≥ 1) = 3/4, P(X ≥ 2) = 1/4, all exact in binary.
  it('upper bound: P(Bin ≥ k) = alpha exactly is accepted, coverage = 1 − P(Bin ≥ k)', () => {
    expect(quantileUpperBound([5, 3], 0.5, 0.25)).toEqual({ value: 5, rank: 2, coverage: 0.75, minSamples: 2 });
    // n = 1: P(Bin(1, 1/2) ≥ 1) = 1/2 = alpha.
    expect(quantileUpperBound([7], 0.5, 0.5)).toEqual({ value: 7, rank: 1, coverage: 0.5, minSamples: 1 });
  });

  it('lower bound: rank 1 is reachable, P(Bin ≤ k − 1) = alpha exactly is accepted', () => {
    expect(quantileLowerBound([5, 3], 0.5, 0.25)).toEqual({ value: 3, rank: 1, coverage: 0.75, minSamples: 2 });
    // alpha = 3/4 now admits rank 2: P(Bin ≤ 1) = 3/4 ≤ alpha, coverage 1/4.
    expect(quantileLowerBound([5, 3], 0.5, 0.75)).toEqual({ value: 5, rank: 2, coverage: 0.25, minSamples: 1 });
  });

  it('no order statistic suffices: full null record with the required n', () => {
    // 0.9² = 0.81 > 0.05: even X_(1) is not a 95% lower bound on the 0.1-quantile.
    expect(quantileLowerBound([1, 2], 0.1, 0.05)).toEqual({ value: null, rank: null, coverage: null, minSamples: 29 });
    expect(quantileUpperBound([1, 2], 0.9, 0.05)).toEqual({ value: null, rank: null, coverage: null, minSamples: 29 });
  });

  it('empty input gives the null record (the one-sided functions accept n = 0)', () => {
    expect(quantileUpperBound([], 0.5, 0.05)).toEqual({ value: null, rank: null, coverage: null, minSamples: 5 });
    expect(quantileLowerBound([], 0.5, 0.05)).toEqual({ value: null, rank: null, coverage: null, minSamples: 5 });
  });
});

describe('quantileConfidenceInterval point estimate (R type 7) and input checks', () => {
  it('interpolates between order statistics, and uses X_(f+1) alone when h = (n − 1)q is an integer', () => {
    expect(quantileConfidenceInterval([4, 1, 3, 2], 0.25).estimate).toBe(1.75); // h = 0.75
    // h = 1 exactly: the estimate is X_(2) = 2; weighting the infinite neighbour by 0 would give NaN.
    expect(quantileConfidenceInterval([1, 2, Infinity], 0.5).estimate).toBe(2);
    expect(quantileConfidenceInterval([9], 0.3).estimate).toBe(9);
  });

  it('rejects q on or outside the ends of (0, 1), and a non-number q, naming the API', () => {
    expect(() => quantileUpperBound([1], 0, 0.05)).toThrow(/^quantileUpperBound: q must be a number in \(0, 1\), got 0$/);
    expect(() => quantileLowerBound([1], 1, 0.05)).toThrow(/^quantileLowerBound: q must be a number in \(0, 1\), got 1$/);
    expect(() => quantileConfidenceInterval([1], -0.5)).toThrow(/^quantileConfidenceInterval: q must be a number in \(0, 1\)/);
    expect(() => quantileConfidenceInterval([1], '0.5' as unknown as number)).toThrow(/q must be a number in \(0, 1\), got 0\.5$/);
  });

  it('names the probability field and the API in alpha/confidence errors', () => {
    expect(() => quantileUpperBound([1], 0.5, 0)).toThrow(/^quantileUpperBound: options\.alpha must be a number in \(0, 1\), got 0$/);
    expect(() => quantileLowerBound([1], 0.5, 1.5)).toThrow(/^quantileLowerBound: options\.alpha must be a number in \(0, 1\), got 1\.5$/);
    expect(() => quantileConfidenceInterval([1], 0.5, 1)).toThrow(/^quantileConfidenceInterval: options\.confidence must be a number in \(0, 1\), got 1$/);
  });

  it('names the API in the NaN error', () => {
    expect(() => quantileUpperBound([NaN], 0.5, 0.05)).toThrow(/^quantileUpperBound: NaN at index 0$/);
    expect(() => quantileLowerBound([0, 1, NaN], 0.5, 0.05)).toThrow(/^quantileLowerBound: NaN at index 2$/);
    expect(() => quantileConfidenceInterval([0, NaN], 0.5)).toThrow(/^quantileConfidenceInterval: NaN at index 1$/);
  });
});
