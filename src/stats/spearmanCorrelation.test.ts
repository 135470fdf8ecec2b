import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../distributions/normal.ts';
import { sampleRankCorrelation } from 'simple-statistics';
import { spearmanCorrelation } from './spearmanCorrelation.ts';

const z = normal();

describe('spearmanCorrelation', () => {
  it('matches SciPy spearmanr (t approximation), with and without ties', () => {
    const a = spearmanCorrelation([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(a.rho).toBeCloseTo(0.8207826816681233, 12);
    expect(a.pValue).toBeCloseTo(0.08858700531354384, 10);
    expect(a.pValueGreater).toBeCloseTo(0.04429350265677192, 10);
    expect(a.df).toBe(3);
    const x = [3.1, 1.2, 5.5, 2.2, 9.0, 4.4, 4.4, 7.7, 0.5, 6.6, 8.8, 2.2];
    const y = [2.0, 1.0, 3.5, 3.5, 6.0, 1.5, 2.5, 5.0, 0.2, 4.0, 3.0, 3.5];
    const b = spearmanCorrelation(x, y);
    expect(b.rho).toBeCloseTo(0.7067181930127675, 12);
    expect(b.pValue).toBeCloseTo(0.010179459438005712, 10);
    expect(b.pValueLess).toBeCloseTo(0.9949102702809971, 10);
  });

  it('handles ±Infinity as extreme ranks and perfect monotone relations', () => {
    const r = spearmanCorrelation([1, 10, 1e15, Infinity, Infinity], [0.9, 0.8, 0.1, 0.1, 0.1]);
    expect(r.rho).toBeLessThan(-0.9);
    const p = spearmanCorrelation([1, 2, 3, 4], [4, 3, 2, 1]);
    expect(p.rho).toBe(-1);
    expect(p.t).toBe(-Infinity);
    expect(p.pValueLess).toBe(0);
    expect(p.pValueGreater).toBe(1);
  });

  it('a constant variable gives rho null and p = 1', () => {
    const r = spearmanCorrelation([1, 2, 3], [0.1, 0.1, 0.1]);
    expect(r.rho).toBeNull();
    expect(r.pValue).toBe(1);
  });

  it('validity under independence (n = 20, 3000 sims): one-sided rejection rates at 0.025 ≤ 0.025 + 3 sd; power at rho ≈ −0.7', () => {
    const rng = xoroshiro128plus(777);
    const reps = 3000;
    const n = 20;
    let less = 0;
    let greater = 0;
    let power = 0;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    const w = new Float64Array(n);
    for (let r = 0; r < reps; r++) {
      for (let i = 0; i < n; i++) {
        x[i] = z.sample(rng);
        y[i] = z.sample(rng);
        w[i] = -0.7 * x[i]! + Math.sqrt(1 - 0.49) * y[i]!;
      }
      const s = spearmanCorrelation(x, y);
      if (s.pValueLess < 0.025) less++;
      if (s.pValueGreater < 0.025) greater++;
      if (spearmanCorrelation(x, w).pValueLess < 0.025) power++;
    }
    const tol = 3 * Math.sqrt((0.025 * 0.975) / reps);
    expect(less / reps).toBeLessThanOrEqual(0.025 + tol);
    expect(greater / reps).toBeLessThanOrEqual(0.025 + tol);
    expect(power / reps).toBeGreaterThan(0.9);
  });

  it('rejects bad input', () => {
    expect(() => spearmanCorrelation([1, 2], [1, 2])).toThrow('spearmanCorrelation: needs at least 3 pairs, got 2');
    expect(() => spearmanCorrelation([1, 2, 3], [1, 2])).toThrow('same length');
    expect(() => spearmanCorrelation([1, NaN, 3], [1, 2, 3])).toThrow('NaN at index 1');
  });
});

describe('spearmanCorrelation: agreement with an independent midrank implementation, constant x', () => {
  it('rho equals simple-statistics sampleRankCorrelation (midranks) on 300 pairs with many ties', () => {
    // Large enough that the sort is not a plain insertion sort; values rounded to create ties.
    const rng = xoroshiro128plus(4242);
    const x = Array.from({ length: 300 }, () => Math.round(4 * z.sample(rng)));
    const y = x.map((v) => Math.round(v + 3 * z.sample(rng)));
    const r = spearmanCorrelation(x, y);
    expect(r.rho!).toBeCloseTo(sampleRankCorrelation(x, y), 12);
    expect(r.rho!).toBeGreaterThan(0.5);
  });

  it('a constant x (not only a constant y) gives rho null and every p-value 1', () => {
    expect(spearmanCorrelation([0.1, 0.1, 0.1], [1, 2, 3])).toEqual({ rho: null, n: 3, t: null, df: 1, pValue: 1, pValueLess: 1, pValueGreater: 1 });
  });

  it('perfect increasing relation: rho 1, t = +Infinity, pValueGreater 0', () => {
    const p = spearmanCorrelation([1, 2, 3, 4], [10, 20, 30, 40]);
    expect(p).toMatchObject({ rho: 1, t: Infinity, pValueGreater: 0, pValueLess: 1, pValue: 0 });
  });
});
