import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { checkInteger } from './internal/constraints.ts';

/** Constraints of {@link rationalSlopeArbitrary}. */
export interface RationalSlopeConstraints {
  /** Largest |numerator|, integer ≥ 1, default 20. */
  readonly maxNumerator?: number;
  /** Largest denominator, integer ≥ 1, default 10. */
  readonly maxDenominator?: number;
}

/**
 * Exact rational slopes p/q with |p| ≤ maxNumerator and 1 ≤ q ≤ maxDenominator (before reduction):
 * the constants −1, 0, 1 often (≈ 3/10), slopes strictly between 0 and 1, slopes > 1, and any
 * p/q including negative ones. Throws at build time on a non-integer or < 1 bound, naming the field.
 *
 * @example fc.sample(rationalSlopeArbitrary(), { seed: 1, numRuns: 3 }).map((a) => a.toFraction()) // e.g. ['-1', '3/7', '-13/4']
 */
export function rationalSlopeArbitrary(constraints: RationalSlopeConstraints = {}): fc.Arbitrary<Fraction> {
  const api = 'rationalSlopeArbitrary';
  const maxN = checkInteger(api, 'maxNumerator', constraints.maxNumerator ?? 20, 1);
  const maxD = checkInteger(api, 'maxDenominator', constraints.maxDenominator ?? 10, 1);
  const arbs: fc.WeightedArbitrary<Fraction>[] = [
    { arbitrary: fc.constantFrom(-1, 0, 1).map((n) => new Fraction(n)), weight: 3 },
    {
      arbitrary: fc
        .tuple(fc.integer({ min: -maxN, max: maxN }), fc.integer({ min: 1, max: maxD }))
        .map(([p, q]) => new Fraction(p, q)),
      weight: 3,
    },
  ];
  if (maxD >= 2) {
    // strictly between 0 and 1: 1 ≤ p < q
    arbs.push({
      arbitrary: fc
        .integer({ min: 2, max: maxD })
        .chain((q) => fc.integer({ min: 1, max: Math.min(q - 1, maxN) }).map((p) => new Fraction(p, q))),
      weight: 2,
    });
  }
  if (maxN >= 2) {
    // strictly greater than 1: q < p ≤ maxN
    arbs.push({
      arbitrary: fc
        .integer({ min: 1, max: Math.min(maxD, maxN - 1) })
        .chain((q) => fc.integer({ min: q + 1, max: maxN }).map((p) => new Fraction(p, q))),
      weight: 2,
    });
  }
  return fc.oneof(...arbs);
}
