import { describe, it, expect } from 'vitest';
import tCdf from '@stdlib/stats-base-dists-t-cdf';
import { studentT } from './studentT.ts';
import { halfLineIntegral } from './quadrature.ts';
import { sampleMany } from './sampleMany.ts';
import { dkwBound, ksDistance, sampleZScores } from './internal/sampleChecks.ts';

// Closed forms (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions II, ch. 28):
// for t_ν, E[T²] = ν/(ν−2) (ν > 2), E[T⁴] = 3ν²/((ν−2)(ν−4)) (ν > 4), so raw kurtosis 3 + 6/(ν−4).
describe('studentT', () => {
  it('has raw kurtosis 3 + 6/(ν−4) and the requested variance', () => {
    for (const nu of [4.5, 5, 6, 10, 60]) {
      for (const v of [1, 2.5]) {
        const d = studentT({ nu, variance: v });
        expect(d.variance).toBe(v);
        expect(d.kurtosis).toBeCloseTo(3 + 6 / (nu - 4), 12);
        expect(d.fourthMoment / (d.kurtosis * v * v)).toBeCloseTo(1, 13);
      }
    }
    expect(studentT({ nu: 5 }).kurtosis).toBe(9);
    expect(studentT({ nu: 10, variance: 2 }).fourthMoment).toBeCloseTo(16, 12);
  });

  it('moments and halfLineMoment match quadrature of the density (relative 1e-8, ν ≥ 4.5)', () => {
    for (const nu of [4.5, 5, 6, 10, 30]) {
      const d = studentT({ nu, variance: 1.5 });
      expect(2 * halfLineIntegral(d.density)).toBeCloseTo(1, 10);
      for (const k of [2, 4] as const) {
        const full = k === 2 ? d.variance : d.fourthMoment;
        expect(d.halfLineMoment(k) / (full / 2)).toBeCloseTo(1, 12);
        expect(halfLineIntegral((x) => x ** k * d.density(x)) / d.halfLineMoment(k)).toBeCloseTo(1, 8);
      }
    }
  });

  it('samples: mean (ν = 5, 10) and mean square (ν = 10: finite 8th moment) within 6 standard errors', () => {
    // ν = 5 has Var[x²] < ∞ but heavy tails, so only the mean is checked there.
    expect(Math.abs(sampleZScores(studentT({ nu: 5 }), { seed: 41, n: 20000 }).zMean)).toBeLessThan(6);
    const z = sampleZScores(studentT({ nu: 10, variance: 3 }), { seed: 42, n: 20000 });
    expect(Math.abs(z.zMean)).toBeLessThan(6);
    expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
  });

  it('throws on ν ≤ 4, naming nu', () => {
    expect(() => studentT({ nu: 4 })).toThrow('studentT: options.nu must be a finite number > 4');
    expect(() => studentT({ nu: 3 })).toThrow('options.nu');
    expect(() => studentT({ nu: Number.POSITIVE_INFINITY })).toThrow('studentT: options.nu must be a finite number > 4 (finite fourth moment), got Infinity');
    expect(() => studentT({ nu: Number.NaN })).toThrow('studentT: options.nu must be a finite number > 4 (finite fourth moment), got NaN');
    expect(() => studentT(undefined as unknown as { nu: number })).toThrow('studentT: options.nu must be a finite number > 4 (finite fourth moment), got undefined');
    expect(() => studentT({ nu: 5, variance: 0 })).toThrow('studentT: options.variance must be a finite number > 0, got 0');
    expect(studentT({ nu: 4.0000001 }).kurtosis).toBeGreaterThan(1e7);
  });

  // DKW (Massart): P(sup|F_n − F| > ε) ≤ 2e^(−2nε²) for any continuous F, so ε = dkwBound(n, α) is an exact α = 1e-6 bound.
  it.each([4.5, 7, 30])('samples follow the scaled t_ν CDF F_ν(x/s), s = √(σ²(ν−2)/ν): KS within the DKW bound (ν = %s)', (nu) => {
    const v = 2;
    const s = Math.sqrt((v * (nu - 2)) / nu);
    const xs = sampleMany(studentT({ nu, variance: v }), { seed: Math.round(43 + 2 * nu), n: 20000 });
    expect(ksDistance(xs, (x) => tCdf(x / s, nu))).toBeLessThanOrEqual(dkwBound(20000, 1e-6));
  });

  it('density at 0 is Γ((ν+1)/2)/(Γ(ν/2)√(νπ)·s), named by ν and σ²', () => {
    // ν = 5, σ² = 5/3: s = 1, Γ(3)/(Γ(5/2)√(5π)) = 2/((3√π/4)·√(5π)) = 8/(3π√5).
    const d = studentT({ nu: 5, variance: 5 / 3 });
    expect(d.density(0)).toBeCloseTo(8 / (3 * Math.PI * Math.sqrt(5)), 13);
    expect(d.density(1)).toBeCloseTo((8 / (3 * Math.PI * Math.sqrt(5))) * (1 + 1 / 5) ** -3, 13);
    expect(d.density(-1)).toBe(d.density(1));
    expect(d.name).toBe(`student-t(ν=5, σ²=${5 / 3})`);
    expect(studentT({ nu: 6 }).variance).toBe(1);
  });
});
