import type { Field } from '../algebra/field.ts';

/**
 * Leaky ReLU φ_a(x) = a·x for x < 0, x otherwise (paper, Section 3). Any real slope a is allowed
 * (a = 0 is ReLU, a = 1 the identity, a < 0 and a > 1 are admitted by the paper's definition).
 *
 * @example leakyRelu(numberField, -2, 0.5) // -1
 */
export function leakyRelu<T>(F: Field<T>, x: T, slope: T): T {
  return F.lt(x, F.of(0)) ? F.mul(slope, x) : x;
}
