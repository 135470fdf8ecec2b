import type { JointDiscrete } from './types.ts';
import { lawsEqual, marginalLaw } from './law.ts';

/**
 * Exactly: the marginal law of x equals the marginal law of y.
 *
 * @example isIdenticallyDistributed(lemma2Counterexample()) // true
 */
export function isIdenticallyDistributed(J: JointDiscrete): boolean {
  return lawsEqual(marginalLaw(J, 'x'), marginalLaw(J, 'y'));
}
