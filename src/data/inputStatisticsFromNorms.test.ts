import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { inputStatisticsFromNorms } from './inputStatisticsFromNorms.ts';

// Deterministic float checks: a few ulps of the magnitude (sums of ≤ 10 terms and one division).
const close = (actual: number, exact: Fraction) => {
  const e = exact.valueOf();
  expect(Math.abs(actual - e), `${actual} vs ${exact.toFraction()}`).toBeLessThanOrEqual(16 * Number.EPSILON * Math.max(1, Math.abs(e)));
};

/** Per-image norms of images given as rows. */
const normsOf = (images: number[][]) => ({
  norm2: Float64Array.from(images, (x) => x.reduce((a, v) => a + v * v, 0)),
  sum4: Float64Array.from(images, (x) => x.reduce((a, v) => a + v ** 4, 0)),
});

/**
 * Exact σ², κ0, c0 of z = W x by enumeration: x uniform over `images` (d = 2), W a 2 × 2 matrix
 * whose 4 entries are i.i.d. from `atoms` (every configuration enumerated), all in fraction.js.
 */
function enumerate(images: number[][], atoms: { value: Fraction; p: Fraction }[]) {
  let e2 = new Fraction(0);
  let e4 = new Fraction(0);
  let e22 = new Fraction(0);
  const pImage = new Fraction(1, images.length);
  for (const x of images) {
    const xf = x.map((v) => new Fraction(v));
    for (const a of atoms) for (const b of atoms) for (const c of atoms) for (const d of atoms) {
      const p = pImage.mul(a.p).mul(b.p).mul(c.p).mul(d.p);
      const z1 = a.value.mul(xf[0]!).add(b.value.mul(xf[1]!));
      const z2 = c.value.mul(xf[0]!).add(d.value.mul(xf[1]!));
      e2 = e2.add(p.mul(z1.pow(2)));
      e4 = e4.add(p.mul(z1.pow(4)));
      e22 = e22.add(p.mul(z1.pow(2)).mul(z2.pow(2)));
    }
  }
  return { sigma2: e2, kappa0: e4.div(e2.pow(2)), c0: e22.sub(e2.pow(2)), c0Normalized: e22.div(e2.pow(2)).sub(1) };
}

describe('inputStatisticsFromNorms', () => {
  it('TSDoc example: norms (1, 3), Σx⁴ (1, 5), κ_w = 1, d = 2 → σ² 2, κ0 2.25, c0 1, c0/σ⁴ 0.25', () => {
    const s = inputStatisticsFromNorms({ norm2: Float64Array.of(1, 3), sum4: Float64Array.of(1, 5) }, { weightKurtosis: 1, fanIn: 2 });
    expect([s.sigma2, s.kappa0, s.c0, s.c0Normalized]).toEqual([2, 2.25, 1, 0.25]);
  });

  it('equals exact enumeration over every Rademacher W and every image (3 images of 2 pixels)', () => {
    const images = [[1, 0], [1, 1], [2, -1]];
    const rademacher = [{ value: new Fraction(1), p: new Fraction(1, 2) }, { value: new Fraction(-1), p: new Fraction(1, 2) }];
    const exact = enumerate(images, rademacher);
    // He for d = 2: v = 2/d = 1, which is the variance of ±1.
    const s = inputStatisticsFromNorms(normsOf(images), { weightKurtosis: 1, fanIn: 2 });
    close(s.sigma2, exact.sigma2);
    close(s.kappa0, exact.kappa0);
    close(s.c0, exact.c0);
    close(s.c0Normalized, exact.c0Normalized);
    expect(exact.c0.toFraction()).toBe('26/9'); // Var of (1, 2, 5) = 10 − 64/9 = 26/9 ≠ 0: c0 > 0 from unequal norms
  });

  it('equals exact enumeration for a three-point weight law (κ_w = 2, variance 1/2) with weightVariance given', () => {
    const images = [[1, 2], [0, 3], [-2, 2]];
    // atoms 0 (p 1/2), ±1 (p 1/4 each): variance 1/2, E w⁴ = 1/2, κ_w = 2.
    const atoms = [{ value: new Fraction(0), p: new Fraction(1, 2) }, { value: new Fraction(1), p: new Fraction(1, 4) }, { value: new Fraction(-1), p: new Fraction(1, 4) }];
    const exact = enumerate(images, atoms);
    const s = inputStatisticsFromNorms(normsOf(images), { weightKurtosis: 2, weightVariance: 0.5, fanIn: 2 });
    close(s.sigma2, exact.sigma2);
    close(s.kappa0, exact.kappa0);
    close(s.c0, exact.c0);
    close(s.c0Normalized, exact.c0Normalized);
  });

  it('normal weights: κ0 = 3(1 + c0/σ⁴) exactly; equal norms give c0 = 0', () => {
    const s = inputStatisticsFromNorms(normsOf([[1, 2, 3], [3, 0, 1], [0, 0, 4]]), { weightKurtosis: 3, fanIn: 3 });
    expect(s.kappa0).toBeCloseTo(3 * (1 + s.c0Normalized), 14);
    const eq = inputStatisticsFromNorms(normsOf([[1, 0], [0, 1], [-1, 0]]), { weightKurtosis: 1.8, fanIn: 2 });
    expect(eq.c0).toBe(0);
    expect(eq.c0Normalized).toBe(0);
  });

  it('rejects bad options naming the field', () => {
    const n = normsOf([[1, 2]]);
    expect(() => inputStatisticsFromNorms(n, { weightKurtosis: 0.5, fanIn: 2 })).toThrow(/weightKurtosis/);
    expect(() => inputStatisticsFromNorms(n, { weightKurtosis: 3, fanIn: 0 })).toThrow(/fanIn/);
    expect(() => inputStatisticsFromNorms(n, { weightKurtosis: 3, fanIn: 2, weightVariance: -1 })).toThrow(/weightVariance/);
    expect(() => inputStatisticsFromNorms({ norm2: new Float64Array(0), sum4: new Float64Array(0) }, { weightKurtosis: 3, fanIn: 2 })).toThrow(/norm2/);
    expect(() => inputStatisticsFromNorms({ norm2: Float64Array.of(1), sum4: Float64Array.of(1, 2) }, { weightKurtosis: 3, fanIn: 2 })).toThrow(/sum4/);
  });
});
