import { Fraction } from 'fraction.js';
import type { JointDiscrete } from './types.ts';
import { keyOf, marginalLaw, pointLaw } from './law.ts';

/**
 * Exactly: P(x = a, y = b) = P(x = a)·P(y = b) for every a in the support of x and b in that of y.
 *
 * @example isIndependent(independentJoint(rademacher(), rademacher())) // true
 * @example isIndependent(lemma2Counterexample()) // false
 */
export function isIndependent(J: JointDiscrete): boolean {
  const joint = pointLaw(J);
  const mx = marginalLaw(J, 'x');
  const my = marginalLaw(J, 'y');
  for (const ex of mx.values()) {
    for (const ey of my.values()) {
      const pxy = joint.get(`${keyOf(ex.value)},${keyOf(ey.value)}`)?.p ?? new Fraction(0);
      if (!pxy.equals(ex.p.mul(ey.p))) return false;
    }
  }
  return true;
}
