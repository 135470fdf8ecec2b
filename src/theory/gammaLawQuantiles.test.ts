import gammainc from '@stdlib/math-base-special-gammainc';
import { describe, expect, it } from 'vitest';
import { gammaLawQuantiles } from './gammaLawQuantiles.ts';

describe('gammaLawQuantiles (Section 5: S_n²/σ² ~ Gamma(DF_n/2, 2/DF_n))', () => {
  it('κ = 3, n = 3: S_3² ~ σ²·Exp(1) (χ²₂/2), quantiles −σ² ln(1 − p)', () => {
    const r = gammaLawQuantiles({ kurtosis: 3, variance: 2, n: 3, levels: [0.5, 0.9, 0.999] });
    expect(r.degreesOfFreedom).toBeCloseTo(2, 12);
    expect(r.shape).toBeCloseTo(1, 12);
    for (const q of r.quantiles) {
      expect(q.value).toBeCloseTo(-2 * Math.log(1 - q.level), 10);
      expect(q.log10).toBeCloseTo(Math.log10(q.value), 12);
    }
  });

  it('κ = 3, n = 11: the 0.9 quantile of χ²₁₀/10 is 1.59872 (table value 15.9872/10)', () => {
    expect(gammaLawQuantiles({ kurtosis: 3, variance: 1, n: 11, levels: [0.9] }).quantiles[0]!.value).toBeCloseTo(1.59872, 4);
  });

  it('each returned quantile inverts the lower incomplete gamma: P(k, ξ/(σ²θ)) = p (Figure 2 layers 0, 20, 40)', () => {
    for (const kurtosis of [3.8453, 1.279e4, 4.252e7]) {
      const r = gammaLawQuantiles({ kurtosis, variance: 3.0888, n: 50000, levels: [0.9, 0.99, 0.999] });
      for (const q of r.quantiles) {
        expect(q.value).toBeGreaterThan(0);
        expect(gammainc(q.value / (3.0888 * r.scale), r.shape)).toBeCloseTo(q.level, 8);
      }
    }
  });

  it('beyond the double range the value is 0 and log10 continues the small-shape asymptote', () => {
    // Where both exist (x ≈ 1e-36 at k ≈ 1.2e-3) the asymptote agrees with gammaincinv's value:
    const shallow = gammaLawQuantiles({ kurtosis: 4.252e7, variance: 3.0888, n: 50000, levels: [0.9] });
    const k = shallow.shape;
    const asymptote = Math.log10(3.0888 * shallow.scale) + (Math.log10(0.9) + Math.log10(1) - (0.5772156649 * k) / Math.LN10) / k;
    expect(shallow.quantiles[0]!.log10).toBeCloseTo(asymptote, 3);
    // Layer 60 of Figure 2: κ ≈ 1.41e11, shape ≈ 3.5e-7: underflows; log10 ≈ log10(σ²θ) + log10(p)/k.
    const deep = gammaLawQuantiles({ kurtosis: 1.414e11, variance: 3.0888, n: 50000, levels: [0.999] });
    expect(deep.quantiles[0]!.value).toBe(0);
    const expected = Math.log10(3.0888 * deep.scale) + Math.log10(0.999) / deep.shape - 0.5772156649 / Math.LN10; // ln Γ(1+k) ≈ −γk
    expect(deep.quantiles[0]!.log10).toBeCloseTo(expected, 3);
    expect(deep.quantiles[0]!.log10).toBeLessThan(-1000);
  });

  it('a larger κ spreads the law: the 0.999 quantile grows with κ at fixed n (the verdicts depend on κ)', () => {
    const at = (kurtosis: number) => gammaLawQuantiles({ kurtosis, variance: 1, n: 50000, levels: [0.999] }).quantiles[0]!.value;
    expect(at(3.8453)).toBeLessThan(at(30));
    expect(at(30)).toBeLessThan(at(3000));
  });

  it('rejects bad input, naming it', () => {
    expect(() => gammaLawQuantiles({ kurtosis: 3, variance: 1, n: 1, levels: [0.5] })).toThrow(/n must be an integer >= 2/);
    expect(() => gammaLawQuantiles({ kurtosis: 0, variance: 1, n: 3, levels: [0.5] })).toThrow(/kurtosis/);
    expect(() => gammaLawQuantiles({ kurtosis: 3, variance: 0, n: 3, levels: [0.5] })).toThrow(/variance/);
    expect(() => gammaLawQuantiles({ kurtosis: 3, variance: 1, n: 3, levels: [1] })).toThrow(/level/);
  });
});
