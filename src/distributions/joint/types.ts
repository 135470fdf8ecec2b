import type { Fraction } from 'fraction.js';

/** One atom of a finite joint law of (x, y): the point and its exact probability. */
export interface JointAtom {
  readonly x: Fraction;
  readonly y: Fraction;
  readonly p: Fraction;
}

/**
 * A finite joint distribution of (x, y) with exact rational probabilities. Atoms may repeat a
 * point (their probabilities add) and the probabilities are expected to sum to exactly 1; the
 * predicates in this folder compare LAWS, so they merge repeated points and ignore zero-mass atoms.
 *
 * @example lemma2Counterexample().atoms.length // 4
 */
export interface JointDiscrete {
  readonly atoms: readonly JointAtom[];
}
