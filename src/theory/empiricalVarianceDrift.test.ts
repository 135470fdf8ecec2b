import { Fraction } from 'fraction.js';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { normal } from '../distributions/normal.ts';
import { empiricalVarianceDrift } from './empiricalVarianceDrift.ts';
import { initialiserVarianceFactor } from './initialiserVarianceFactor.ts';
import { logChiSquareMean } from './logChiSquareMean.ts';

const GAMMA = 0.5772156649015329;

describe('logChiSquareMean: E[log χ²_m] = ψ(m/2) + log 2', () => {
  it('closed forms: m = 1: −γ − log 2, m = 2: log 2 − γ, m = 3: 2 − γ − log 2, m = 4: 1 + log 2 − γ', () => {
    expect(logChiSquareMean(1)).toBeCloseTo(-GAMMA - Math.LN2, 14);
    expect(logChiSquareMean(2)).toBeCloseTo(Math.LN2 - GAMMA, 14);
    expect(logChiSquareMean(3)).toBeCloseTo(2 - GAMMA - Math.LN2, 14);
    expect(logChiSquareMean(4)).toBeCloseTo(1 + Math.LN2 - GAMMA, 14);
    // Jensen, strict, and log m − E log χ²_m ≈ 1/m for large m.
    for (let m = 1; m <= 200; m++) expect(logChiSquareMean(m)).toBeLessThan(Math.log(m));
    expect(Math.log(1000) - logChiSquareMean(1000)).toBeCloseTo(1 / 1000, 6);
  });
  it('refuses m that is not an integer ≥ 1', () => {
    expect(() => logChiSquareMean(0)).toThrow(/m must be an integer ≥ 1, got 0/);
    expect(() => logChiSquareMean(2.5)).toThrow(/got 2.5/);
  });
  it('matches a simulated χ²_m: 20,000 draws per m, |mean − formula| < 6 standard errors (Var log χ²_m = ψ′(m/2) ≤ 4.94; false alarm < 1e-8 per m; seed 3)', () => {
    const rng = xoroshiro128plus(3);
    const z = normal();
    for (const m of [1, 2, 5]) {
      const N = 20_000;
      let s = 0;
      for (let i = 0; i < N; i++) {
        let c = 0;
        for (let k = 0; k < m; k++) c += z.sample(rng) ** 2;
        s += Math.log(c);
      }
      expect(Math.abs(s / N - logChiSquareMean(m))).toBeLessThan(6 * Math.sqrt(4.94 / N));
    }
  });
});

describe('empiricalVarianceDrift', () => {
  it('GSM width 4, a = 1/5: δ = 2 log(6/5) − γ < 0 although f = 36/25 > 1; a = −1: −∞', () => {
    expect(empiricalVarianceDrift('gsm', 0.2, 4)).toBeCloseTo(2 * Math.log(1.2) - GAMMA, 14);
    expect(initialiserVarianceFactor('gsm', new Fraction(1, 5), 4).compare(1)).toBe(1);
    expect(empiricalVarianceDrift('gsm', -1, 4)).toBe(-Infinity);
  });
  it('a = 1: orthogonal 0; i.i.d. normal log(1/w) + E log χ²_w < 0; no closed form for He uniform/Bernoulli at w ≥ 2, nor at other slopes', () => {
    expect(empiricalVarianceDrift('orthogonal', 1, 4)).toBe(0);
    expect(empiricalVarianceDrift('lecun-normal', 1, 4)).toBeCloseTo(Math.log(1 / 4) + logChiSquareMean(4), 14);
    expect(empiricalVarianceDrift('he-uniform', 1, 4)).toBeNull();
    expect(empiricalVarianceDrift('he-normal', 0, 4)).toBeNull();
  });
  it('GSM drift against a simulated linear Gaussian network of width w/2 (the law the closed form rests on): 4,000 layers × 10 chains, |slope − δ| < 0.1 (≥ 9 standard errors: sd of the slope ≤ √(4.94/40,000) = 0.011; seed 5)', () => {
    const rng = xoroshiro128plus(5);
    const z = normal();
    for (const [w, a] of [[4, 0.2], [2, 0.5], [6, 1]] as const) {
      const m = w / 2;
      const sd = Math.sqrt(2 / w);
      const L = 4000;
      let total = 0;
      for (let chain = 0; chain < 10; chain++) {
        let r = Array.from({ length: m }, () => z.sample(rng));
        let log = 0;
        for (let l = 0; l < L; l++) {
          const next = new Array<number>(m).fill(0);
          for (let j = 0; j < m; j++) for (let k = 0; k < m; k++) next[k]! += r[j]! * (1 + a) * sd * z.sample(rng);
          const norm = Math.hypot(...next);
          log += 2 * Math.log(norm / Math.hypot(...r));
          r = next.map((v) => v / norm);
        }
        total += log / L;
      }
      expect(Math.abs(total / 10 - empiricalVarianceDrift('gsm', a, w)!)).toBeLessThan(0.1);
    }
  });
  it('width 1: δ = E log(v w²) + log|a| (Rademacher: log v + log|a| ≤ 0, = 0 only at |a| = 1); a = 0: −∞', () => {
    expect(empiricalVarianceDrift('he-bernoulli', 1, 1)).toBe(0);
    expect(empiricalVarianceDrift('he-bernoulli', 2, 1)).toBeCloseTo(Math.log(2 / 5) + Math.log(2), 14);
    expect(empiricalVarianceDrift('glorot-normal', -2, 1)).toBeCloseTo(logChiSquareMean(1) + Math.log(2), 14);
    expect(empiricalVarianceDrift('he-uniform', 0.5, 1)).toBeCloseTo(Math.log(2 / 1.25) + Math.log(3) - 2 + Math.log(0.5), 14);
    expect(empiricalVarianceDrift('he-normal', 0, 1)).toBe(-Infinity);
  });
});
