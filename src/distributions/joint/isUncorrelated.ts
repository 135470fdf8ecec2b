import type { JointDiscrete } from './types.ts';
import { jointExpectation } from './jointExpectation.ts';

/**
 * Exactly: E[xy] = E[x]·E[y] (covariance zero; with total mass 1).
 *
 * @example isUncorrelated(lemma2Counterexample()) // true  (E[xy] = 4/5 − 4/5 = 0)
 */
export function isUncorrelated(J: JointDiscrete): boolean {
  const exy = jointExpectation(J, (x, y) => x.mul(y));
  const ex = jointExpectation(J, (x) => x);
  const ey = jointExpectation(J, (_x, y) => y);
  return exy.equals(ex.mul(ey));
}
