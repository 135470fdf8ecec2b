import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import type { DiscreteSymmetricDistribution } from '../distributions/types.ts';
import { discreteSymmetric } from '../distributions/discreteSymmetric.ts';
import { rademacher } from '../distributions/rademacher.ts';
import { symmetricThreePoint } from '../distributions/symmetricThreePoint.ts';
import { checkInteger, printable } from './internal/constraints.ts';
import { rationalKurtosisArbitrary } from './rationalKurtosisArbitrary.ts';

/** Constraints of {@link discreteSymmetricDistributionArbitrary}. */
export interface DiscreteSymmetricDistributionConstraints {
  /** Most distinct positive atoms v (the support is ±v plus maybe 0), integer ≥ 1, default 4. */
  readonly maxAtoms?: number;
  /** Largest numerator of an atom, integer ≥ 1, default 8. */
  readonly maxNumerator?: number;
  /** Largest denominator of an atom (and of a three-point kurtosis), integer ≥ 1, default 4. */
  readonly maxDenominator?: number;
}

/** Positive rationals p/q with 1 ≤ p ≤ maxN, 1 ≤ q ≤ maxD. */
export function positiveRationalArbitrary(maxN: number, maxD: number): fc.Arbitrary<Fraction> {
  return fc
    .tuple(fc.integer({ min: 1, max: maxN }), fc.integer({ min: 1, max: maxD }))
    .map(([p, q]) => new Fraction(p, q));
}

/**
 * Exact finite symmetric laws with small rational atoms: Rademacher ±b (raw kurtosis 1),
 * three-point {−b, 0, b} with kurtosis 1, 9/5, 3, 6 or random p/q, and general laws with up to
 * maxAtoms distinct positive atoms, random rational probabilities (integer weights 1..6, normalized)
 * and an optional atom at 0. Throws at build time on a non-integer or < 1 bound, naming the field.
 *
 * @example fc.sample(discreteSymmetricDistributionArbitrary(), { seed: 1, numRuns: 1 })[0].exact.kurtosis.gte(1) // true
 */
export function discreteSymmetricDistributionArbitrary(
  constraints: DiscreteSymmetricDistributionConstraints = {},
): fc.Arbitrary<DiscreteSymmetricDistribution> {
  const api = 'discreteSymmetricDistributionArbitrary';
  const maxAtoms = checkInteger(api, 'maxAtoms', constraints.maxAtoms ?? 4, 1);
  const maxN = checkInteger(api, 'maxNumerator', constraints.maxNumerator ?? 8, 1);
  const maxD = checkInteger(api, 'maxDenominator', constraints.maxDenominator ?? 4, 1);
  const value = positiveRationalArbitrary(maxN, maxD);

  const rademacherArb = value.map((scale) => rademacher({ scale }));
  const kappa = fc.oneof(
    fc.constantFrom(new Fraction(1), new Fraction(9, 5), new Fraction(3), new Fraction(6)),
    rationalKurtosisArbitrary({ maxNumerator: Math.max(2, 2 * maxN), maxDenominator: maxD }),
  );
  const threePointArb = fc
    .tuple(kappa, value)
    .map(([kurtosis, scale]) => symmetricThreePoint({ kurtosis, scale }));
  const generalArb = fc
    .uniqueArray(fc.tuple(value, fc.integer({ min: 1, max: 6 })), {
      minLength: 1,
      maxLength: maxAtoms,
      selector: ([v]) => v.toFraction(),
    })
    .chain((atoms) =>
      fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 6 })).map((zeroWeight) => {
        const total = atoms.reduce((s, [, w]) => s + w, zeroWeight);
        return discreteSymmetric({
          positiveAtoms: atoms.map(([v, w]) => ({ value: v, probability: new Fraction(w, total) })),
          zeroProbability: new Fraction(zeroWeight, total),
        });
      }),
    );
  return fc
    .oneof(
      { arbitrary: rademacherArb, weight: 1 },
      { arbitrary: threePointArb, weight: 1 },
      { arbitrary: generalArb, weight: 3 },
    )
    .map(printable);
}
