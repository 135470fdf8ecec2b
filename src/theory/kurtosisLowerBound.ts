import { fieldPow, type Field } from '../algebra/field.ts';

/**
 * The suite's replacement for Theorem 1's flawed last step (see `properties/theorem-1.prop.ts`).
 * With u_l = c_l/σ⁴ + 1 = E[y_i² y_j²]/σ⁴, Proposition 3 becomes homogeneous,
 *   κ' = α κ + β u,  u' = γ κ + δ u,
 * and for widths in [2, w_max]: κ_l ≥ u_l, u_{l+1} ≥ u_l + (κ_l − u_l)/w_l, κ_{l+1} − u_{l+1} ≥ u_l,
 * hence u_{l+2} ≥ (1 + 1/w_max) u_l and, since u_1 ≥ κ_0/w_0,
 *   κ_d ≥ (κ_0 / w_0) · (1 + 1/w_max)^⌊(d−1)/2⌋   for every d ≥ 1.
 *
 * @example kurtosisLowerBound(numberField, { kappa0: 3, w0: 2, wMax: 2, depth: 5 }) // 1.5 · 1.5² = 3.375
 */
export function kurtosisLowerBound<T>(F: Field<T>, p: { kappa0: T; w0: number; wMax: number; depth: number }): T {
  if (p.depth < 1) throw new Error(`kurtosisLowerBound: depth must be >= 1, got ${p.depth}`);
  const ratio = F.add(F.of(1), F.div(F.of(1), F.of(p.wMax)));
  return F.mul(F.div(p.kappa0, F.of(p.w0)), fieldPow(F, ratio, Math.floor((p.depth - 1) / 2)));
}
