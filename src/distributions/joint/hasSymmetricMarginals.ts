import type { JointDiscrete } from './types.ts';
import { lawsEqual, marginalLaw } from './law.ts';

/**
 * Exactly: x has the same law as −x AND y has the same law as −y.
 *
 * @example hasSymmetricMarginals(lemma2Counterexample()) // true
 */
export function hasSymmetricMarginals(J: JointDiscrete): boolean {
  return (
    lawsEqual(marginalLaw(J, 'x'), marginalLaw(J, 'x', true)) &&
    lawsEqual(marginalLaw(J, 'y'), marginalLaw(J, 'y', true))
  );
}
