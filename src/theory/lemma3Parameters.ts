import type { Field } from '../algebra/field.ts';
import type { Matrix } from './matrix.ts';

export interface Lemma3Parameters<T> {
  readonly alpha: T;
  readonly beta: T;
  readonly gamma: T;
  readonly delta: T;
}

/**
 * Reads (α, β, γ, δ) off a 3×3 matrix of Lemma 3's form
 *   [[α, β/σ⁴, β], [γσ⁴, δ, σ⁴(δ−1)], [0, 0, 1]]
 * and reports whether every entry matches that form exactly (`matchesForm`).
 *
 * @example lemma3Parameters(numberField, [[3, 1.5, 1.5], [1, 0.5, -0.5], [0, 0, 1]], 1)
 * // { alpha: 3, beta: 1.5, gamma: 1, delta: 0.5, matchesForm: true }
 */
export function lemma3Parameters<T>(
  F: Field<T>,
  B: Matrix<T>,
  variance: T,
): Lemma3Parameters<T> & { matchesForm: boolean } {
  const s4 = F.mul(variance, variance);
  const alpha = B[0]![0]!;
  const beta = B[0]![2]!;
  const gamma = F.div(B[1]![0]!, s4);
  const delta = B[1]![1]!;
  const zero = F.of(0);
  const matchesForm =
    F.eq(B[0]![1]!, F.div(beta, s4)) &&
    F.eq(B[1]![2]!, F.mul(s4, F.sub(delta, F.of(1)))) &&
    F.eq(B[2]![0]!, zero) &&
    F.eq(B[2]![1]!, zero) &&
    F.eq(B[2]![2]!, F.of(1));
  return { alpha, beta, gamma, delta, matchesForm };
}
