import { describe, it, expect } from 'vitest';
import { laplace } from './laplace.ts';
import { halfLineIntegral } from './quadrature.ts';
import { sampleMany } from './sampleMany.ts';
import { dkwBound, ksDistance, sampleZScores } from './internal/sampleChecks.ts';

// Closed forms for density e^{−|x|/b}/(2b): E[x^{2m}] = (2m)!·b^{2m}, so σ² = 2b², E[x⁴] = 24b⁴ = 6σ⁴, κ = 6.
describe('laplace', () => {
  it('has the closed-form moments and raw kurtosis 6', () => {
    const d = laplace({ variance: 2 }); // b = 1
    expect(d.fourthMoment).toBeCloseTo(24, 12);
    expect(d.kurtosis).toBe(6);
    expect(d.density(0)).toBeCloseTo(0.5, 15);
  });

  it('moments and halfLineMoment match quadrature of the density (relative 1e-10)', () => {
    const d = laplace({ variance: 0.7 });
    expect(2 * halfLineIntegral(d.density)).toBeCloseTo(1, 10);
    for (const k of [2, 4] as const) {
      const full = k === 2 ? d.variance : d.fourthMoment;
      expect(d.halfLineMoment(k) / (full / 2)).toBeCloseTo(1, 12);
      expect(halfLineIntegral((x) => x ** k * d.density(x)) / d.halfLineMoment(k)).toBeCloseTo(1, 10);
    }
  });

  it('samples: mean and mean square within 6 standard errors (n = 20000)', () => {
    const z = sampleZScores(laplace({ variance: 2 }), { seed: 31, n: 20000 });
    expect(Math.abs(z.zMean)).toBeLessThan(6);
    expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
  });

  // DKW (Massart): P(sup|F_n − F| > ε) ≤ 2e^(−2nε²) for any continuous F, so ε = dkwBound(n, α) is an exact α = 1e-6 bound.
  it('samples follow the Laplace CDF (b = √(σ²/2)): KS within the DKW bound (α = 1e-6, n = 20000)', () => {
    const b = Math.sqrt(3 / 2);
    const cdf = (x: number): number => (x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b));
    const xs = sampleMany(laplace({ variance: 3 }), { seed: 32, n: 20000 });
    expect(ksDistance(xs, cdf)).toBeLessThanOrEqual(dkwBound(20000, 1e-6));
  });

  it('density e^(−|x|/b)/(2b), default unit variance, named by its variance', () => {
    const d = laplace({ variance: 8 }); // b = 2
    expect(d.density(-2)).toBeCloseTo(Math.exp(-1) / 4, 15);
    expect(d.density(2)).toBeCloseTo(Math.exp(-1) / 4, 15);
    expect(d.halfLineMoment(2)).toBeCloseTo(4, 14);
    expect(d.halfLineMoment(4)).toBeCloseTo(192, 12); // 24b⁴/2
    expect(laplace().variance).toBe(1);
    expect(d.name).toBe('laplace(σ²=8)');
    expect(() => laplace({ variance: Number.POSITIVE_INFINITY })).toThrow('laplace: options.variance must be a finite number > 0, got Infinity');
  });
});
