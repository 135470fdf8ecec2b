import type { JointDiscrete } from './types.ts';
import { lawsEqual, pointLaw } from './law.ts';

/**
 * Exactly: (x, y) has the same joint law as (−x, y).
 *
 * @example isSignFlipSymmetric(lemma2Counterexample()) // false  ((−1, 1) has mass 0, (1, 1) has 2/5)
 */
export function isSignFlipSymmetric(J: JointDiscrete): boolean {
  return lawsEqual(pointLaw(J), pointLaw(J, (x, y) => [x.neg(), y]));
}
