import { describe, it, expect } from 'vitest';
import { halfLineIntegral } from './quadrature.ts';

describe('halfLineIntegral (exp-sinh)', () => {
  it('integrates exponential, Gaussian and algebraic tails to ~1e-12 relative', () => {
    expect(halfLineIntegral((x) => Math.exp(-x))).toBeCloseTo(1, 12);
    expect(halfLineIntegral((x) => x ** 4 * Math.exp(-x))).toBeCloseTo(24, 10);
    expect(halfLineIntegral((x) => Math.exp(-x * x))).toBeCloseTo(Math.sqrt(Math.PI) / 2, 12);
    expect(halfLineIntegral((x) => 1 / (1 + x * x))).toBeCloseTo(Math.PI / 2, 12);
    // ∫₀^∞ x^{-1/2}/(1+x) dx = π (integrable singularity at 0, x^{-3/2} tail)
    expect(halfLineIntegral((x) => 1 / (Math.sqrt(x) * (1 + x)))).toBeCloseTo(Math.PI, 10);
  });

  it('throws on a non-finite integrand', () => {
    expect(() => halfLineIntegral((x) => 1 / (x - x))).toThrow('halfLineIntegral: integrand not finite');
  });

  it('stops on a relative criterion: rescaling the integrand by 10⁶ or 10⁻⁶ costs the same evaluations', () => {
    const evaluations = (c: number): number => {
      let calls = 0;
      expect(halfLineIntegral((x) => (calls++, c * x * x * Math.exp(-x))) / (2 * c)).toBeCloseTo(1, 12);
      return calls;
    };
    const base = evaluations(1);
    expect(evaluations(1e6)).toBe(base);
    expect(evaluations(1e-6)).toBe(base);
  });

  it('throws when 12 halvings do not reach the tolerance (a jump inside the half-line)', () => {
    expect(() => halfLineIntegral((x) => (x < 1 ? 1 : 0))).toThrow(/^halfLineIntegral: no convergence to relative 1e-12; last estimate /);
    expect(halfLineIntegral((x) => (x < 1 ? 1 : 0), { relativeTolerance: 1e-3 })).toBeCloseTo(1, 2);
  });
});
