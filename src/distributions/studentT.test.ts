import { describe, it, expect } from 'vitest';
import { studentT } from './studentT.ts';
import { halfLineIntegral } from './quadrature.ts';
import { sampleZScores } from './internal/sampleChecks.ts';

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
    expect(() => studentT({ nu: Number.POSITIVE_INFINITY })).toThrow('options.nu');
  });
});
