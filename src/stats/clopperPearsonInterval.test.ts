import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { clopperPearsonInterval } from './clopperPearsonInterval.ts';
import { binomialTestGreater, binomialTestLess } from './binomialTestGreater.ts';

describe('clopperPearsonInterval', () => {
  it('matches SciPy beta.ppf (values computed with SciPy 1.17.1)', () => {
    const cases: [number, number, number, number, number, number, number][] = [
      [5, 100, 0.95, 0.016431879182052158, 0.11283491110546275, 0.019905563662171843, 0.1022533776432745],
      [17, 200, 0.99, 0.042081409039324766, 0.14865790906347431, 0.045290770333345, 0.14203829738202178],
      [3, 7, 0.9, 0.12875639280424267, 0.7746784159675522, 0.16963841739720056, 0.7213979514182869],
    ];
    for (const [k, n, c, lo, hi, lb, ub] of cases) {
      const r = clopperPearsonInterval(k, n, c);
      expect(r.lower).toBeCloseTo(lo, 10);
      expect(r.upper).toBeCloseTo(hi, 10);
      expect(r.lowerBound).toBeCloseTo(lb, 10);
      expect(r.upperBound).toBeCloseTo(ub, 10);
      expect(r.estimate).toBe(k / n);
    }
  });

  it('closed forms at the edges: k = 0 and k = n', () => {
    expect(clopperPearsonInterval(0, 100, 0.95).upperBound).toBeCloseTo(1 - 0.05 ** (1 / 100), 12);
    expect(clopperPearsonInterval(0, 100, 0.95).lowerBound).toBe(0);
    expect(clopperPearsonInterval(36, 36, 0.975).lowerBound).toBeCloseTo(0.025 ** (1 / 36), 12);
    expect(clopperPearsonInterval(36, 36, 0.975).upperBound).toBe(1);
  });

  it('coverage of the one-sided lower bound is ≥ 95% (exact over all k, several p)', () => {
    // P(lowerBound(X) > p) = Σ_k P(X = k)·[lowerBound(k) > p] must be ≤ 0.05 for every p.
    const n = 30;
    const lbs = Array.from({ length: n + 1 }, (_, k) => clopperPearsonInterval(k, n, 0.95).lowerBound);
    for (const p of [0.05, 0.2, 0.5, 0.73, 0.9, 0.97]) {
      let miss = 0;
      for (let k = 0; k <= n; k++) if (lbs[k]! > p) miss += binomialTestGreater(k, n, p) - (k < n ? binomialTestGreater(k + 1, n, p) : 0);
      expect(miss).toBeLessThanOrEqual(0.05 + 1e-12);
    }
  });

  it('rejects bad input with a one-line message', () => {
    expect(() => clopperPearsonInterval(3, 2)).toThrow('successes must be <= n');
    expect(() => clopperPearsonInterval(1, 0)).toThrow('options.n');
    expect(() => clopperPearsonInterval(1, 5, 1)).toThrow('options.confidence');
  });
});

describe('binomialTestGreater / binomialTestLess', () => {
  it('matches SciPy binom.sf / binom.cdf', () => {
    expect(binomialTestGreater(9, 10, 0.5)).toBeCloseTo(0.0107421875, 14);
    expect(binomialTestLess(1, 10, 0.5)).toBeCloseTo(0.0107421875, 14);
    expect(binomialTestGreater(30, 40, 0.6)).toBeCloseTo(0.035222480114168786, 12);
    expect(binomialTestLess(15, 40, 0.6)).toBeCloseTo(0.003350862456107381, 12);
    expect(binomialTestGreater(0, 10, 0.5)).toBe(1);
    expect(binomialTestLess(10, 10, 0.5)).toBe(1);
  });

  it('validity: under H0 (p = 0.5, n = 25) the rejection rate at 0.05 is ≤ 0.05 (+3 binomial sd); power at p = 0.85 is high', () => {
    const rng = xoroshiro128plus(4242);
    const reps = 4000;
    let rej = 0;
    let power = 0;
    for (let r = 0; r < reps; r++) {
      let k0 = 0;
      let k1 = 0;
      for (let i = 0; i < 25; i++) {
        const u = uniformFloat64(rng);
        if (u < 0.5) k0++;
        if (u < 0.85) k1++;
      }
      if (binomialTestGreater(k0, 25, 0.5) < 0.05) rej++;
      if (binomialTestGreater(k1, 25, 0.5) < 0.05) power++;
    }
    expect(rej / reps).toBeLessThanOrEqual(0.05 + 3 * Math.sqrt((0.05 * 0.95) / reps));
    expect(power / reps).toBeGreaterThan(0.9); // exact power P(X ≥ 18 | 0.85) ≈ 0.975
  });
});

describe('clopperPearsonInterval: the successes field is named', () => {
  it('negative or fractional successes', () => {
    expect(() => clopperPearsonInterval(-1, 5)).toThrow(/^clopperPearsonInterval: options\.successes must be an integer >= 0, got -1$/);
    expect(() => clopperPearsonInterval(0.5, 5)).toThrow(/^clopperPearsonInterval: options\.successes must be an integer >= 0, got 0\.5$/);
  });
});
