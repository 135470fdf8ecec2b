/**
 * Proposition 2 (Any random vector can be transformed to a He random vector). "For any
 * finite-variance random vector x ∈ ℝ^w, if W ∈ ℝ^{w×w} is a random matrix of i.i.d. zero-mean,
 * symmetric variables with finite variance such that W and x are mutually independent, then z = Wx
 * is a He random vector with some variance σ_z²."
 *
 * The statement holds, and z has two more properties Proposition 3 and corrected Lemma 2 need:
 * equal Cov[z_i², z_j²] over pairs and sign-flip symmetric pairs. The proof's "z_i is a sum of
 * zero-mean and symmetric random variables, so it is symmetric" is not a valid reason in general.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { describeDiscrete, describeVector } from '../src/exact/describe.ts';
import { pushForwardLayer } from '../src/exact/pushForwardLayer.ts';
import { sumSymmetryEvidence } from '../src/exact/sumSymmetryCheck.ts';
import { hasEqualSquareCovariances, hasSignFlipSymmetricPairs, isHeRandomVector } from '../src/exact/vectorPredicates.ts';
import type { VectorDistribution } from '../src/exact/vectorDistribution.ts';
import type { DiscreteSymmetricDistribution } from '../src/distributions/types.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

/**
 * Any finite random vector: arbitrary integer atoms (not centred, not symmetric, correlated) with
 * arbitrary rational probabilities.
 */
const anyVectorArb = (w: number) =>
  fc
    .array(fc.record({ x: fc.array(fc.integer({ min: -4, max: 6 }), { minLength: w, maxLength: w }), weight: fc.integer({ min: 1, max: 5 }) }), { minLength: 1, maxLength: 3 })
    .map((atoms): VectorDistribution => {
      const total = atoms.reduce((s, a) => s + a.weight, 0);
      return { atoms: atoms.map((a) => ({ x: a.x.map((v) => new Fraction(v)), p: new Fraction(a.weight, total) })) };
    });
/** w = 2 with small weight supports, or w = 3 with two-point weights, keeps |support|^(w²) ≤ 3^4 or 2^9. */
const caseArb = fc.oneof(
  fc.record({ x: anyVectorArb(2), weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }) }),
  fc.record({ x: anyVectorArb(3), weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }).filter((d) => d.atoms.length === 2) }),
);
type Case = { x: VectorDistribution; weights: DiscreteSymmetricDistribution };
const z = ({ x, weights }: Case) => pushForwardLayer(x, { weights: weights.atoms, widthOut: x.atoms[0]!.x.length, slope: new Fraction(1) });
const explain = (c: Case) => `x ∼ ${describeVector(c.x)}, W entries ∝ ${describeDiscrete(c.weights)}`;

export const proposition2: StatementSpec = {
  id: 'proposition-2',
  title: 'Proposition 2: z = Wx is a He random vector',
  statement:
    'For any finite-variance random vector x ∈ ℝ^w, if W ∈ ℝ^{w×w} is a random matrix of i.i.d. zero-mean, symmetric variables with finite variance such that W and x are mutually independent, then z = Wx is a He random vector with some variance σ_z².',
  checks: [
    propertyCheck({
      id: 'proposition-2/statement/exact',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 2',
      description: 'Exact law of z = Wx (every weight configuration enumerated; x arbitrary: not centred, not symmetric, correlated) is zero-mean, symmetric, uncorrelated, homoscedastic.',
      arbitrary: caseArb,
      predicate: (c) => isHeRandomVector(z(c)),
      explain,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-2/step/equal-square-covariances',
      role: 'step',
      kind: 'exact',
      source: 'Section 4: "the covariance of squared outputs is equal for any two outputs … satisfied with Proposition 2"',
      description: 'Cov[z_i², z_j²] is the same for every pair i ≠ j.',
      arbitrary: caseArb,
      predicate: (c) => hasEqualSquareCovariances(z(c)),
      explain,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-2/step/sign-flip-symmetric-pairs',
      role: 'step',
      kind: 'exact',
      source: 'Needed by Lemma 2 (corrected) at the first layer',
      description: '(z_i, z_j) has the law of (−z_i, z_j) for every pair: z feeds Proposition 3 without Lemma 2\'s gap.',
      arbitrary: caseArb,
      predicate: (c) => hasSignFlipSymmetricPairs(z(c)),
      explain,
      runsFactor: 0.3,
    }),
    exactCheck({
      id: 'proposition-2/step/sum-of-symmetric',
      role: 'step',
      source: 'Proposition 2, proof: "Because z_i is a sum of zero-mean and symmetric random variables, it is zero-mean and symmetric"',
      description: 'The general claim, on an explicit pair of dependent symmetric variables (z_i is symmetric for another reason: W_i· =ᵈ −W_i· independently of x).',
      evaluate: sumSymmetryEvidence,
    }),
  ],
};
