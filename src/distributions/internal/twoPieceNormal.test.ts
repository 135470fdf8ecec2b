import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { halfLineIntegral } from '../quadrature.ts';
import { twoPieceNormal } from './twoPieceNormal.ts';

// Two-piece normal (s₋, s₊): density c·e^(−x²/(2s²)), c = 2/(√(2π)(s₋ + s₊)); on each half-line
// ∫₀^∞ x^k e^(−x²/(2s²)) dx = s^(k+1)·√(2π)/2·(k − 1)!! for even k, so E[x²] = (s₋³ + s₊³)/(s₋ + s₊),
// E[x⁴] = 3(s₋⁵ + s₊⁵)/(s₋ + s₊).
describe('twoPieceNormal (test helper)', () => {
  it('its density integrates to 1 and its declared moments are its true ones (quadrature, relative 1e-10)', () => {
    const d = twoPieceNormal(1, 2);
    const both = (k: number): number => halfLineIntegral((x) => x ** k * d.density(x)) + halfLineIntegral((x) => x ** k * d.density(-x));
    expect(both(0)).toBeCloseTo(1, 10);
    expect(both(2) / d.variance).toBeCloseTo(1, 10);
    expect(both(4) / d.fourthMoment).toBeCloseTo(1, 10);
    expect(d.variance).toBeCloseTo(3, 14); // (1 + 8)/3
    expect(d.fourthMoment).toBeCloseTo(33, 13); // 3·(1 + 32)/3
    expect(d.kurtosis).toBeCloseTo(33 / 9, 14);
    const e = twoPieceNormal(3, 1); // E[x²] = 28/4 = 7, E[x⁴] = 3·244/4 = 183
    expect([e.variance, e.fourthMoment]).toEqual([7, 183]);
  });

  it('uses s₋ left of 0 and s₊ right of it (its TSDoc example), and is named by both', () => {
    const d = twoPieceNormal(1, 2);
    const c = 2 / (3 * Math.sqrt(2 * Math.PI));
    expect(d.density(-1)).toBeCloseTo(c * Math.exp(-1 / 2), 15);
    expect(d.density(1)).toBeCloseTo(c * Math.exp(-1 / 8), 15);
    expect(d.density(0)).toBeCloseTo(c, 15);
    expect(d.name).toBe('two-piece-normal(1, 2)');
  });

  it('is poisoned for any other use: halfLineMoment and sample return NaN', () => {
    const d = twoPieceNormal(1, 2);
    expect(d.halfLineMoment(2)).toBeNaN();
    expect(d.sample(xoroshiro128plus(1))).toBeNaN();
  });
});
