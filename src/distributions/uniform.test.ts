import { describe, it, expect } from 'vitest';
import { uniform } from './uniform.ts';
import { sampleMany } from './sampleMany.ts';
import { dkwBound, ksDistance, sampleZScores } from './internal/sampleChecks.ts';

/** Composite Simpson on [0, a] (the density has a jump at a, so integrate up to it). */
function simpson(f: (x: number) => number, a: number, m = 2000): number {
  const h = a / m;
  let s = f(0) + f(a);
  for (let i = 1; i < m; i++) s += (i % 2 === 1 ? 4 : 2) * f(i * h);
  return (s * h) / 3;
}

// Closed forms for U[−a, a]: E[x²] = a²/3, E[x⁴] = a⁴/5, so with a² = 3σ²: E[x⁴] = 9σ⁴/5, κ = 9/5.
describe('uniform', () => {
  it('has the closed-form moments and raw kurtosis 9/5', () => {
    const d = uniform({ variance: 3 }); // a = 3
    expect(d.variance).toBe(3);
    expect(d.fourthMoment).toBeCloseTo(81 / 5, 12);
    expect(d.kurtosis).toBe(1.8);
    expect(uniform().fourthMoment).toBeCloseTo(1.8, 14);
  });

  it('halfLineMoment(k) equals half of the moment and Simpson on the density (relative 1e-12)', () => {
    const d = uniform({ variance: 2 });
    const a = Math.sqrt(6);
    expect(d.density(a * 1.0001)).toBe(0);
    expect(2 * simpson(d.density, a)).toBeCloseTo(1, 12);
    for (const k of [2, 4] as const) {
      const full = k === 2 ? d.variance : d.fourthMoment;
      expect(d.halfLineMoment(k) / (full / 2)).toBeCloseTo(1, 12);
      expect(simpson((x) => x ** k * d.density(x), a) / d.halfLineMoment(k)).toBeCloseTo(1, 12);
    }
  });

  it('samples stay in [−a, a] and have mean/mean square within 6 standard errors (n = 20000)', () => {
    const d = uniform({ variance: 3 });
    const z = sampleZScores(d, { seed: 21, n: 20000 });
    expect(Math.abs(z.zMean)).toBeLessThan(6);
    expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
  });

  it('rejects a bad variance', () => {
    expect(() => uniform({ variance: -1 })).toThrow('uniform: options.variance must be a finite number > 0, got -1');
  });

  // DKW (Massart): P(sup|F_n − F| > ε) ≤ 2e^(−2nε²) for any continuous F, so ε = dkwBound(n, α) is an exact α = 1e-6 bound.
  it('samples follow the CDF (x + a)/(2a) on [−a, a]: KS within the DKW bound, never outside [−a, a)', () => {
    const d = uniform({ variance: 3 }); // a = 3
    const xs = sampleMany(d, { seed: 22, n: 20000 });
    expect(xs.every((x) => x >= -3 && x < 3)).toBe(true);
    expect(ksDistance(xs, (x) => Math.min(1, Math.max(0, (x + 3) / 6)))).toBeLessThanOrEqual(dkwBound(20000, 1e-6));
    expect(d.support).toBe(3);
    expect(d.density(3)).toBeCloseTo(1 / 6, 15);
    expect(d.density(-3)).toBeCloseTo(1 / 6, 15);
    expect(d.density(-3.0001)).toBe(0);
    expect(d.name).toBe('uniform(σ²=3)');
  });
});
