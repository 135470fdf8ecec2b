import type { Field } from '../algebra/field.ts';

/** A dense matrix as rows of field elements. */
export type Matrix<T> = T[][];

/**
 * Matrix product M·N over a field (dimensions must agree).
 *
 * @example matMul(numberField, [[1, 2]], [[3], [4]]) // [[11]]
 */
export function matMul<T>(F: Field<T>, M: Matrix<T>, N: Matrix<T>): Matrix<T> {
  if (M[0]!.length !== N.length) throw new Error(`matMul: inner dimensions ${M[0]!.length} and ${N.length} differ`);
  return M.map((row) =>
    N[0]!.map((_, j) => row.reduce((acc, mik, k) => F.add(acc, F.mul(mik, N[k]![j]!)), F.of(0))),
  );
}

/** Matrix–vector product M·v. */
export function matVec<T>(F: Field<T>, M: Matrix<T>, v: readonly T[]): T[] {
  return M.map((row) => row.reduce((acc, mik, k) => F.add(acc, F.mul(mik, v[k]!)), F.of(0)));
}
