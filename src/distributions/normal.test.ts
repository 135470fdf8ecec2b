import { describe, it, expect } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { normal } from './normal.ts';
import { halfLineIntegral } from './quadrature.ts';
import { sampleMany } from './sampleMany.ts';
import { dkwBound, ksDistance, sampleZScores } from './internal/sampleChecks.ts';

// Closed forms (Johnson, Kotz & Balakrishnan, Continuous Univariate Distributions I, ch. 13):
// E[x²] = σ², E[x⁴] = 3σ⁴, raw kurtosis 3.
describe('normal', () => {
  it('has the closed-form moments and raw kurtosis 3', () => {
    for (const v of [1, 2, 0.25, 7.5]) {
      const d = normal({ variance: v });
      expect(d.variance).toBe(v);
      expect(d.fourthMoment).toBeCloseTo(3 * v * v, 12);
      expect(d.kurtosis).toBe(3);
      expect(d.name).toBe(`normal(σ²=${v})`);
    }
    expect(normal().variance).toBe(1);
  });

  it('moments agree with quadrature of the density (relative 1e-10)', () => {
    const d = normal({ variance: 2 });
    expect(2 * halfLineIntegral(d.density)).toBeCloseTo(1, 10);
    expect(2 * halfLineIntegral((x) => x * x * d.density(x)) / d.variance).toBeCloseTo(1, 10);
    expect(2 * halfLineIntegral((x) => x ** 4 * d.density(x)) / d.fourthMoment).toBeCloseTo(1, 10);
  });

  it('halfLineMoment(k) is half of the k-th moment and matches quadrature (relative 1e-10)', () => {
    const d = normal({ variance: 3 });
    expect(d.halfLineMoment(2)).toBeCloseTo(d.variance / 2, 12);
    expect(d.halfLineMoment(4)).toBeCloseTo(d.fourthMoment / 2, 12);
    for (const k of [2, 4] as const) {
      expect(halfLineIntegral((x) => x ** k * d.density(x)) / d.halfLineMoment(k)).toBeCloseTo(1, 10);
    }
  });

  it('samples: mean and mean square within 6 standard errors (n = 20000, fixed seeds)', () => {
    for (const [seed, v] of [[11, 1], [12, 4]] as const) {
      const z = sampleZScores(normal({ variance: v }), { seed, n: 20000 });
      expect(Math.abs(z.zMean)).toBeLessThan(6);
      expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
    }
  });

  it('same seed gives the same samples; different seeds differ', () => {
    const d = normal();
    expect(sampleMany(d, { seed: 5, n: 50 })).toEqual(sampleMany(d, { seed: 5, n: 50 }));
    expect(sampleMany(d, { seed: 5, n: 50 })).not.toEqual(sampleMany(d, { seed: 6, n: 50 }));
  });

  it('rejects a bad variance, naming the API and the field', () => {
    expect(() => normal({ variance: 0 })).toThrow('normal: options.variance must be a finite number > 0, got 0');
    expect(() => normal({ variance: Number.NaN })).toThrow('normal: options.variance');
  });

  // DKW (Massart): P(sup|F_n − F| > ε) ≤ 2e^(−2nε²) for any continuous F, so ε = dkwBound(n, α) is an exact α = 1e-6 bound.
  it('samples follow Φ(x/σ): KS distance within the DKW bound (α = 1e-6, n = 20000)', () => {
    for (const [seed, v] of [[13, 1], [14, 0.3]] as const) {
      const xs = sampleMany(normal({ variance: v }), { seed, n: 20000 });
      expect(ksDistance(xs, (x) => normalCdf(x, 0, Math.sqrt(v))), `σ² = ${v}`).toBeLessThanOrEqual(dkwBound(20000, 1e-6));
    }
  });

  it('density is e^(−x²/(2σ²))/√(2πσ²) (closed-form values)', () => {
    const d = normal({ variance: 4 });
    expect(d.density(0)).toBeCloseTo(1 / Math.sqrt(8 * Math.PI), 15);
    expect(d.density(-2)).toBeCloseTo(Math.exp(-0.5) / Math.sqrt(8 * Math.PI), 15);
    expect(d.density(2)).toBe(d.density(-2));
  });
});
