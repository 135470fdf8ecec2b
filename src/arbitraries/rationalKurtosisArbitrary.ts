import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import { checkInteger } from './internal/constraints.ts';

/** Constraints of {@link rationalKurtosisArbitrary}. */
export interface RationalKurtosisConstraints {
  /** Largest numerator, integer ≥ 1, default 200. */
  readonly maxNumerator?: number;
  /** Largest denominator, integer ≥ 1, default 20. */
  readonly maxDenominator?: number;
}

/**
 * Exact RAW kurtoses κ = p/q ≥ 1 with p ≤ maxNumerator, q ≤ maxDenominator: the constants 1, 9/5,
 * 3, 6 often (those that fit the bounds), values (q+1)/q just above 1, and any p/q ≥ 1.
 * Throws at build time on a non-integer or < 1 bound, naming the field.
 *
 * @example fc.sample(rationalKurtosisArbitrary(), { seed: 1, numRuns: 3 }).map((k) => k.toFraction()) // e.g. ['9/5', '121/13', '3']
 */
export function rationalKurtosisArbitrary(constraints: RationalKurtosisConstraints = {}): fc.Arbitrary<Fraction> {
  const api = 'rationalKurtosisArbitrary';
  const maxN = checkInteger(api, 'maxNumerator', constraints.maxNumerator ?? 200, 1);
  const maxD = checkInteger(api, 'maxDenominator', constraints.maxDenominator ?? 20, 1);
  const special = [
    [1, 1],
    [9, 5],
    [3, 1],
    [6, 1],
  ].filter(([n, d]) => n! <= maxN && d! <= maxD);
  const arbs: fc.WeightedArbitrary<Fraction>[] = [
    { arbitrary: fc.constantFrom(...special).map(([n, d]) => new Fraction(n!, d!)), weight: 3 },
    {
      arbitrary: fc
        .integer({ min: 1, max: Math.min(maxD, maxN) })
        .chain((q) => fc.integer({ min: q, max: maxN }).map((p) => new Fraction(p, q))),
      weight: 4,
    },
  ];
  if (maxN >= 2) {
    arbs.push({
      arbitrary: fc.integer({ min: 1, max: Math.min(maxD, maxN - 1) }).map((q) => new Fraction(q + 1, q)),
      weight: 1,
    });
  }
  return fc.oneof(...arbs);
}
