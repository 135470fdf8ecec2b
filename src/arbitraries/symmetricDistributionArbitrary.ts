import fc from 'fast-check';
import { Fraction } from 'fraction.js';
import type { SymmetricDistribution } from '../distributions/types.ts';
import { laplace } from '../distributions/laplace.ts';
import { mixture } from '../distributions/mixture.ts';
import { normal } from '../distributions/normal.ts';
import { studentT } from '../distributions/studentT.ts';
import { uniform } from '../distributions/uniform.ts';
import { checkInteger, printable } from './internal/constraints.ts';
import { uniformRealArbitrary } from './internal/uniformReal.ts';
import { discreteSymmetricDistributionArbitrary } from './discreteSymmetricDistributionArbitrary.ts';

/** Constraints of {@link symmetricDistributionArbitrary}. */
export interface SymmetricDistributionConstraints {
  /** Most components of a generated mixture, integer ≥ 1 (1: no mixtures), default 3. */
  readonly maxMixtureComponents?: number;
}

/**
 * Any zero-mean symmetric law of this project: normal, uniform, Laplace, Student-t with ν in
 * (4, 60] (ν = 5, 6, 10, 30 often), exact discrete laws (Rademacher, three-point, general), each with
 * a random variance (1 often, else log-uniform in [1e-2, 1e2]; discrete laws have their own), and
 * finite mixtures of 2..maxMixtureComponents of them with random rational weights (a mixture of
 * discrete laws is again exact). Raw kurtosis E[x⁴]/σ⁴ ranges over [1, ∞).
 * Throws at build time on a bad maxMixtureComponents.
 *
 * @example fc.sample(symmetricDistributionArbitrary(), { seed: 3, numRuns: 1 })[0].name // e.g. 'laplace(σ²=0.37…)'
 */
export function symmetricDistributionArbitrary(
  constraints: SymmetricDistributionConstraints = {},
): fc.Arbitrary<SymmetricDistribution> {
  const api = 'symmetricDistributionArbitrary';
  const maxComponents = checkInteger(api, 'maxMixtureComponents', constraints.maxMixtureComponents ?? 3, 1);
  const variance = fc.oneof(
    fc.constant(1),
    uniformRealArbitrary(-2 * Math.LN10, 2 * Math.LN10).map((e) => Math.exp(e)),
  );
  const nu = fc.oneof(
    fc.constantFrom(5, 6, 10, 30),
    fc.double({ min: 4, max: 60, minExcluded: true, noNaN: true }),
  );
  const leaf: fc.Arbitrary<SymmetricDistribution> = fc.oneof(
    variance.map((v) => normal({ variance: v })),
    variance.map((v) => uniform({ variance: v })),
    variance.map((v) => laplace({ variance: v })),
    fc.tuple(nu, variance).map(([n, v]) => studentT({ nu: n, variance: v })),
    discreteSymmetricDistributionArbitrary({ maxAtoms: 3 }),
  );
  if (maxComponents === 1) return leaf.map(printable);
  const mixtureArb = fc
    .array(fc.tuple(leaf, fc.integer({ min: 1, max: 10 })), { minLength: 2, maxLength: maxComponents })
    .map((parts) => {
      const total = parts.reduce((s, [, w]) => s + w, 0);
      return mixture({ components: parts.map(([d]) => d), weights: parts.map(([, w]) => new Fraction(w, total)) });
    });
  return fc.oneof({ arbitrary: leaf, weight: 3 }, { arbitrary: mixtureArb, weight: 1 }).map(printable);
}
