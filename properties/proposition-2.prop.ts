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
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import type { RandomGenerator } from '../src/distributions/types.ts';
import { heRandomVectorMonteCarlo, heRandomVectorMonteCarloTestCount } from '../src/montecarlo/propagation/heRandomVectorMonteCarlo.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';

/**
 * A correlated, non-centred, asymmetric input for the real-network check: x_i = 1 + g_0 + |g_i|/2
 * with g_0, g_i i.i.d. standard normal (g_0 shared by every entry). E[x_i] = 1 + 1/√(2π),
 * Var[x_i] = 1 + (1 − 2/π)/4, Cov[x_i, x_j] = 1.
 */
const standardNormal = normal();
function correlatedAsymmetricInput(rng: RandomGenerator, out: Float32Array): void {
  const shared = standardNormal.sample(rng);
  for (let i = 0; i < out.length; i++) out[i] = 1 + shared + Math.abs(standardNormal.sample(rng)) / 2;
}
/** E[x_i²] of that input: Var + mean². */
const INPUT_SECOND_MOMENT = 1 + (1 - 2 / Math.PI) / 4 + (1 + 1 / Math.sqrt(2 * Math.PI)) ** 2;
/** Real-network design: 2·10⁵ draws; the per-entry variance has relative stderr ≈ 0.5%, power ≈ 1 against 5%. */
const MC_SAMPLES = { quick: 200_000, full: 800_000 } as const;
const MC_CASES = [
  { width: 4, weights: 'normal' },
  { width: 6, weights: 'rademacher' },
  { width: 3, weights: 'uniform' },
] as const;

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
    monteCarloCheck<(typeof MC_CASES)[number]>({
      id: 'proposition-2/montecarlo/real-first-layer',
      role: 'statement',
      source: 'Proposition 2 on real networks (tfjs): z = Wx for a correlated, non-centred, asymmetric x',
      description:
        'z = Wx (a tfjs Linear, He-initialised with fan-in w, no activation) of x_i = 1 + g_0 + |g_i|/2 (correlated, mean ≠ 0, asymmetric): each entry has variance σ_z² = w·Var[W]·E[x_i²] = 2E[x_i²], and E[z_i] = 0, E[z_i³] = 0, E[z_i z_j] = 0 — a He random vector. Monte Carlo, batch-means standard errors.',
      configurations: (ctx) => (ctx.tier === 'quick' ? MC_CASES.slice(0, 2) : MC_CASES),
      testsPerConfiguration: (c) => heRandomVectorMonteCarloTestCount([c.width, c.width], { odd: true, perEntry: true }),
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = MC_SAMPLES[ctx.tier];
        return heRandomVectorMonteCarlo({
          widths: [c.width, c.width],
          slope: 0,
          weights: distributionByName(c.weights),
          input: standardNormal,
          inputVector: correlatedAsymmetricInput,
          activateInput: false,
          samples,
          seed,
          falseAlarm,
          odd: true,
          perEntry: true,
          variance: () => 2 * INPUT_SECOND_MOMENT,
        }).map((t) => ({ ...t, inputs: `w = ${c.width}, W He-${c.weights} (fan-in), x_i = 1 + g_0 + |g_i|/2`, samples, seed }));
      },
    }),
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
