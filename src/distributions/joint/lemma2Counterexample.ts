import { Fraction } from 'fraction.js';
import type { JointDiscrete } from './types.ts';

/**
 * The joint law with atoms (1, 1), (−1, −1) of mass 2/5 each and (2, −2), (−2, 2) of mass 1/10
 * each: x and y are identically distributed (±1 w.p. 2/5, ±2 w.p. 1/10), symmetric, zero-mean and
 * uncorrelated (E[xy] = 4/5 − 4/5 = 0), yet (x, y) is NOT sign-flip symmetric ((−1, 1) has mass 0)
 * and not independent. E[x²] = 8/5, E[x⁴] = 4, raw kurtosis 25/16, E[x²y²] = 4.
 *
 * @example jointExpectation(lemma2Counterexample(), (x, y) => x.mul(y)).toFraction() // '0'
 */
export function lemma2Counterexample(): JointDiscrete {
  const two5 = new Fraction(2, 5);
  const one10 = new Fraction(1, 10);
  const f = (n: number) => new Fraction(n);
  return {
    atoms: [
      { x: f(1), y: f(1), p: two5 },
      { x: f(-1), y: f(-1), p: two5 },
      { x: f(2), y: f(-2), p: one10 },
      { x: f(-2), y: f(2), p: one10 },
    ],
  };
}
