import type { Field } from '../algebra/field.ts';

/**
 * Exact test of λ_max > 1 for a 2×2 matrix with real eigenvalues, from its trace and determinant:
 * λ_max = (tr + √(tr² − 4det))/2 > 1  ⟺  tr > 2  or  1 − tr + det < 0
 * (1 − tr + det is the characteristic polynomial at 1). No square root, so it is exact over ℚ.
 *
 * @example largestEigenvalueExceedsOne(numberField, { trace: 1.5, determinant: 0 }) // true
 */
export function largestEigenvalueExceedsOne<T>(F: Field<T>, p: { trace: T; determinant: T }): boolean {
  const two = F.of(2);
  if (F.lt(two, p.trace)) return true;
  return F.lt(F.add(F.sub(F.of(1), p.trace), p.determinant), F.of(0));
}
