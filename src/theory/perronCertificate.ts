import { Fraction } from 'fraction.js';
import type { Matrix } from './matrix.ts';

/** A Collatz–Wielandt certificate for a 2×2 non-negative matrix M: M·v ≥ r·v entrywise with v > 0. */
export interface PerronCertificate {
  /** The rational lower bound of λ_max(M). */
  readonly r: Fraction;
  /** The positive test vector. */
  readonly v: readonly [Fraction, Fraction];
  /** Whether v > 0 and M·v ≥ r·v hold, checked exactly (not assumed from the construction). */
  readonly holds: boolean;
}

/**
 * An exact lower bound r ≤ λ_max(M) for a 2×2 matrix M = [[p, q], [t, s]] with q, t > 0 and
 * p, s ≥ 0, with its Collatz–Wielandt witness: v = (q, r − p) > 0 and M·v ≥ r·v entrywise, so that
 * Mᵐ·v ≥ rᵐ·v for every m (hence ‖Mᵐ‖ ≥ rᵐ·min(v)/max(v)). Construction: (M·v)₁ = r·v₁ exactly, and
 * (M·v)₂ − r·v₂ = −χ(r) with χ(λ) = (λ − p)(λ − s) − qt the characteristic polynomial, so any
 * r ∈ (p, λ_max] works; r is found by `iterations` exact bisection steps on the sign of χ between
 * p (χ(p) = −qt < 0) and the sum of the entries (≥ the largest row sum ≥ λ_max). Nothing is
 * trusted: `holds` re-checks v > 0 and M·v ≥ r·v in rational arithmetic.
 *
 * @example perronCertificate([[q(3), q(3, 2)], [q(1), q(1, 2)]]).r.valueOf() // ≈ 3.5 (λ_max = 3.5), holds: true
 * @throws Error naming perronCertificate when M is not 2×2, an entry is negative, or q·t = 0.
 */
export function perronCertificate(M: Matrix<Fraction>, iterations = 48): PerronCertificate {
  if (M.length !== 2 || M.some((row) => row.length !== 2)) throw new Error('perronCertificate: M must be 2×2');
  const [[p, q], [t, s]] = M as [[Fraction, Fraction], [Fraction, Fraction]];
  if ([p, q, t, s].some((e) => e.compare(0) < 0)) throw new Error('perronCertificate: M must be non-negative');
  if (q.mul(t).equals(0)) throw new Error('perronCertificate: the off-diagonal entries must be positive');
  const chi = (x: Fraction) => x.sub(p).mul(x.sub(s)).sub(q.mul(t));
  let lo = p;
  let hi = p.add(q).add(t).add(s);
  for (let i = 0; i < iterations; i++) {
    const mid = lo.add(hi).div(2);
    if (chi(mid).compare(0) <= 0) lo = mid;
    else hi = mid;
  }
  const r = lo;
  const v: [Fraction, Fraction] = [q, r.sub(p)];
  const Mv = [p.mul(v[0]).add(q.mul(v[1])), t.mul(v[0]).add(s.mul(v[1]))];
  const holds = v[0].compare(0) > 0 && v[1].compare(0) > 0 && Mv[0]!.compare(r.mul(v[0])) >= 0 && Mv[1]!.compare(r.mul(v[1])) >= 0;
  return { r, v, holds };
}
