import fc from 'fast-check';

const STEPS = 2 ** 30;

/**
 * Reals spread evenly over [min, max] (a grid of 2^30 + 1 points), unlike `fc.double`, which is
 * uniform over the float64 bit patterns and so piles up near 0. Shrinks towards min.
 */
export function uniformRealArbitrary(min: number, max: number): fc.Arbitrary<number> {
  return fc.integer({ min: 0, max: STEPS }).map((i) => (i === STEPS ? max : min + ((max - min) * i) / STEPS));
}
