import { Fraction } from 'fraction.js';

/**
 * Two symmetric random variables whose sum is not symmetric: (X, Y) uniform on
 * {(1, 1), (−1, 0), (0, −1)}. X and Y are each uniform on {−1, 0, 1}; X + Y ∈ {2, −1, −1}.
 * Refutes the step "a sum of symmetric random variables is symmetric" of Propositions 1 and 2.
 *
 * @example sumOfSymmetricCounterexample().atoms.length // 3
 */
export function sumOfSymmetricCounterexample(): { atoms: { x: Fraction; y: Fraction; p: Fraction }[] } {
  const third = new Fraction(1, 3);
  return {
    atoms: [
      { x: new Fraction(1), y: new Fraction(1), p: third },
      { x: new Fraction(-1), y: new Fraction(0), p: third },
      { x: new Fraction(0), y: new Fraction(-1), p: third },
    ],
  };
}
