import type { Fraction } from 'fraction.js';
import type { JointDiscrete } from './types.ts';
import { lawsEqual, pointLaw } from './law.ts';

/**
 * Exactly: (x, y) has the same joint law as map(x, y) — e.g. `(x, y) => [y, x]` (exchangeable),
 * `(x, y) => [x.neg(), y.neg()]` (centrally symmetric), `(x, y) => [x, y.neg()]` (sign flip of y).
 *
 * @example isInvariant(lemma2Counterexample(), (x, y) => [y, x]) // true
 * @example isInvariant(lemma2Counterexample(), (x, y) => [x, y.neg()]) // false
 */
export function isInvariant(J: JointDiscrete, map: (x: Fraction, y: Fraction) => readonly [Fraction, Fraction]): boolean {
  return lawsEqual(pointLaw(J), pointLaw(J, map));
}
