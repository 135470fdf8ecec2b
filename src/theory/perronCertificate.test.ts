import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { perronCertificate } from './perronCertificate.ts';

const q = (n: number, d = 1) => new Fraction(n, d);

describe('perronCertificate', () => {
  it('bounds λ_max from below, tightly, with a checked witness', () => {
    // [[3, 3/2], [1, 1/2]]: tr 3.5, det 0, λ_max = 3.5.
    const c = perronCertificate([[q(3), q(3, 2)], [q(1), q(1, 2)]]);
    expect(c.holds).toBe(true);
    expect(c.r.compare(q(7, 2))).toBeLessThanOrEqual(0);
    expect(c.r.valueOf()).toBeCloseTo(3.5, 10);
    // [[1, 1], [1, 1]]: λ_max = 2.
    const d = perronCertificate([[q(1), q(1)], [q(1), q(1)]]);
    expect(d.holds).toBe(true);
    expect(d.r.valueOf()).toBeCloseTo(2, 10);
  });
  it('at λ_max = 1 (Lemma 4 at w = 1, a = 1, κ_w = 1 with the zero column replaced) gives r ≤ 1', () => {
    // [[1/2, 1/4], [1, 1/2]]: χ(λ) = (λ − 1/2)² − 1/4, λ_max = 1 exactly.
    const c = perronCertificate([[q(1, 2), q(1, 4)], [q(1), q(1, 2)]]);
    expect(c.holds).toBe(true);
    expect(c.r.compare(1)).toBeLessThanOrEqual(0);
    expect(c.r.valueOf()).toBeCloseTo(1, 10);
  });
  it('a wrong witness is caught: holds is recomputed, not assumed', () => {
    // With too few bisection steps r stays at p, v₂ = 0: not a positive witness.
    expect(perronCertificate([[q(3), q(3, 2)], [q(1), q(1, 2)]], 0).holds).toBe(false);
  });
  it('rejects bad input naming the function', () => {
    expect(() => perronCertificate([[q(1), q(0)], [q(1), q(1)]])).toThrow(/perronCertificate: the off-diagonal/);
    expect(() => perronCertificate([[q(-1), q(1)], [q(1), q(1)]])).toThrow(/perronCertificate: M must be non-negative/);
    expect(() => perronCertificate([[q(1)]])).toThrow(/perronCertificate: M must be 2×2/);
  });
});
