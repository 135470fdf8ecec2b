/**
 * Proposition 1 (He-initialization). "If for all l = 1, …, d weight matrices W^(l) are i.i.d.,
 * zero-mean, and symmetric with variance equal to 2/(w_l(a²+1)), then for an input He random vector
 * x with variance σ_x² the output random vector y^(d) is a He random vector with variance σ_x²."
 * (W^(l) ∈ ℝ^{w_l × w_{l−1}}, Section 3.)
 *
 * Findings: with w_l the output width of W^(l), as written, Var[y^(l)] = (w_{l−1}/w_l)·Var[y^(l−1)]:
 * the variance is preserved only for constant width. The proof (Appendix A) uses the fan-in w_{l−1}
 * — which is right. The proof's reason for symmetry ("a sum of symmetric random variables") is false
 * in general; symmetry holds because the weights' signs can be flipped independently of the input.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { uncorrelatedSymmetricPairArbitrary } from '../src/arbitraries/uncorrelatedSymmetricPairArbitrary.ts';
import { rademacher } from '../src/distributions/rademacher.ts';
import type { DiscreteSymmetricDistribution } from '../src/distributions/types.ts';
import { describeDiscrete, describeVector } from '../src/exact/describe.ts';
import { leakyReluMomentExact, momentExact } from '../src/exact/leakyReluMomentExact.ts';
import { oneUnitMoments } from '../src/exact/oneUnitMoments.ts';
import { pairToVector } from '../src/exact/pairToVector.ts';
import { pushForwardLayer } from '../src/exact/pushForwardLayer.ts';
import { sumSymmetryEvidence } from '../src/exact/sumSymmetryCheck.ts';
import { iidVector } from '../src/exact/iidVector.ts';
import { isHeRandomVector } from '../src/exact/vectorPredicates.ts';
import type { VectorDistribution } from '../src/exact/vectorDistribution.ts';
import { heWeightVariance } from '../src/theory/heWeightVariance.ts';
import { leakyReluSecondMoment } from '../src/theory/leakyReluSecondMoment.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';
import { networkConfigurationArbitrary, type NetworkConfiguration } from '../src/arbitraries/networkConfigurationArbitrary.ts';
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import { heRandomVectorMonteCarlo, heRandomVectorMonteCarloTestCount } from '../src/montecarlo/propagation/heRandomVectorMonteCarlo.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';
import { conditionalLayerOneMonteCarlo } from '../src/montecarlo/propagation/conditionalLayerOneMonteCarlo.ts';
import { propagationRecords } from '../src/montecarlo/propagation/propagationRecords.ts';
import { signedPermutationVector } from '../src/exact/signedPermutationVector.ts';
import { positiveRationalArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { enumerationCost } from '../src/arbitraries/enumerationCost.ts';

/**
 * Real-network design: 5·10⁴ networks per configuration (2·10⁵ at full); the variance's relative
 * stderr is then ≈ 0.3–1% at depths ≤ 3, so a 5% change of variance (and a 2× change, which the
 * fan-out convention makes when w_l = 2w_{l−1}) is detected with power ≈ 1.
 */
const MC_SAMPLES = { quick: 50_000, full: 200_000 } as const;
const MC_CONFIGURATIONS = { quick: 2, full: 6 } as const;
/** A configuration whose widths change by a factor 2 from layer to layer, tried first. */
const changingWidths: NetworkConfiguration = { widths: [6, 12, 6], slope: 0, weights: 'normal' };
const mcConfigurations = (tier: 'quick' | 'full', seed: number) => [
  changingWidths,
  ...fc.sample(networkConfigurationArbitrary({ minWidth: 4, maxWidth: 16 }), { seed, numRuns: MC_CONFIGURATIONS[tier] }),
];
const describeConfiguration = (c: NetworkConfiguration, convention: string) =>
  `widths ${c.widths.join(',')} (input first), slope a = ${c.slope}, weights ${c.weights} with variance 2/(${convention}·(a²+1)), input i.i.d. normal(σ²=1)`;
const realNetworkCheck = (convention: 'fan-out' | 'fan-in') =>
  monteCarloCheck<NetworkConfiguration>({
    id: convention === 'fan-out' ? 'proposition-1/montecarlo/variance-as-written' : 'proposition-1/montecarlo/fan-in-variance',
    role: convention === 'fan-out' ? 'statement' : 'corrected',
    source:
      convention === 'fan-out'
        ? 'Proposition 1 on real networks (tfjs), weight variance 2/(w_l(a²+1)) as written'
        : 'Proposition 1 on real networks (tfjs), weight variance 2/(w_{l−1}(a²+1)) (fan-in)',
    description: `Real tfjs networks y(l) = W(l)φ_a(y(l−1)) with He weights scaled by the ${convention === 'fan-out' ? 'output width w_l (as the statement is written)' : 'fan-in w_{l−1} (as the proof)'}, a width-doubling network then generated ones: every layer's variance equals σ_x² = 1 and its entries are uncorrelated (E[y_i y_j] = 0), Monte Carlo with batch-means standard errors.`,
    configurations: (ctx, seed) => mcConfigurations(ctx.tier, seed),
    testsPerConfiguration: (c) => heRandomVectorMonteCarloTestCount(c.widths, {}),
    run: (c, { seed, falseAlarm, ctx }) => {
      const samples = MC_SAMPLES[ctx.tier];
      return heRandomVectorMonteCarlo({
        widths: c.widths,
        slope: c.slope,
        weights: distributionByName(c.weights),
        input: normal(),
        heWidth: convention,
        samples,
        seed,
        falseAlarm,
        variance: () => 1,
      }).map((t) => ({ ...t, inputs: describeConfiguration(c, convention === 'fan-out' ? 'w_l' : 'w_{l−1}'), samples, seed }));
    },
  });


/**
 * Conditional (Rao–Blackwellised) design of the layer-1 variance check (issue 14 §4): n networks'
 * real He weights with the normal input integrated out analytically. At widths (16, 16) and normal
 * weights the variance's relative stderr is √((κ_w − 1)/(w_0w_1n)) ≈ 4·10⁻⁴ at n = 4·10⁴, so a 1%
 * error in the weight variance (the factor a² + 1.01 at a = 0: −0.99%) is detected with power
 * ≈ 1 (≥ 0.99 is required, else the test is out of reach) at the run's per-test false-alarm
 * probability (≈ 1e-8): the critical t with 63 df at 1e-8 is ≈ 7.5, i.e. 0.3% of σ².
 */
const CONDITIONAL_SAMPLES = { quick: 40_000, full: 160_000 } as const;
const CONDITIONAL_CONFIGURATIONS: readonly NetworkConfiguration[] = [
  { widths: [16, 16], slope: 0, weights: 'normal' },
  { widths: [8, 32], slope: 0, weights: 'laplace' },
  { widths: [24, 12], slope: 0, weights: 'uniform' },
];

/** A He random vector of width w: a generated pair for w = 2, else i.i.d. entries of a symmetric law. */
const heInputArb = fc.oneof(
  uncorrelatedSymmetricPairArbitrary({ maxAtoms: 2 }).map(pairToVector),
  fc.record({ x: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }), w: fc.integer({ min: 1, max: 3 }) }).map(({ x, w }) => iidVector(x, w)),
);

/** Exact Var[y^(1)_i] when W^(1) = s·R has He variance with dimension n (s² = var / E[R²]). */
function outputVariance(input: VectorDistribution, weights: DiscreteSymmetricDistribution, slope: Fraction, n: number): Fraction {
  const m = oneUnitMoments(input, { weights: weights.atoms, slope });
  return heWeightVariance(rationalField, { slope, n }).div(momentExact(weights.atoms, 2)).mul(m.m2);
}

/**
 * Inputs for the deep exact check: the one-layer check's He inputs, and non-i.i.d. ones — a random
 * signed permutation of a generated rational vector times a generated positive scale (widths 2–3;
 * dependent entries, c_0 < 0 or > 0, σ² ≠ 1).
 */
const signedPermutationArb = fc
  .record({
    v: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2, maxLength: 3 }).filter((v) => v.some((x) => x !== 0)),
    scales: fc.uniqueArray(positiveRationalArbitrary(3, 2), { minLength: 1, maxLength: 2, selector: (x) => x.toFraction() }),
  })
  .map(({ v, scales }) => signedPermutationVector(v.map((x) => new Fraction(x)), scales.map((value) => ({ value, probability: new Fraction(1, scales.length) }))));
/**
 * A whole small network, every weight configuration of every layer enumerated: 2–3 layers of
 * widths 1–3 after the input; the filter bounds Π_l |support|^(w_{l−1}·w_l) × input atoms ≤ 4·10³.
 */
export const deepNetworkArb = fc
  .record({
    input: fc.oneof(heInputArb, signedPermutationArb),
    weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
    slope: rationalSlopeArbitrary(),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }),
  })
  .filter(({ input, weights, widths }) => enumerationCost(input.atoms.length, [input.atoms[0]!.x.length, ...widths], weights.atoms.length) <= 4000);
type DeepNetwork = typeof deepNetworkArb extends fc.Arbitrary<infer T> ? T : never;
/** Every layer's exact law (He scale left out) and the exact variance with the fan-in He scale. */
function deepLayers({ input, weights, slope, widths }: DeepNetwork) {
  const r2 = momentExact(weights.atoms, 2);
  let law = input;
  let scale2 = new Fraction(1); // Π_l s_l², s_l² = He variance / E[R²]: φ_a is positively homogeneous
  const layers: { law: VectorDistribution; variance: Fraction }[] = [];
  for (const w of widths) {
    scale2 = scale2.mul(heWeightVariance(rationalField, { slope, n: law.atoms[0]!.x.length }).div(r2));
    law = pushForwardLayer(law, { weights: weights.atoms, widthOut: w, slope });
    layers.push({ law, variance: scale2.mul(inputVariance(law)) });
  }
  return layers;
}
const layerCase = fc.record({
  input: heInputArb,
  weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
  slope: rationalSlopeArbitrary(),
  w1: fc.integer({ min: 1, max: 8 }),
});
type LayerCase = { input: VectorDistribution; weights: DiscreteSymmetricDistribution; slope: Fraction; w1: number };
const inputVariance = (d: VectorDistribution) => d.atoms.reduce((acc, a) => acc.add(a.p.mul(a.x[0]!.pow(2))), new Fraction(0));
const explain = (convention: 'output' | 'fan-in') => (c: LayerCase) => {
  const w0 = c.input.atoms[0]!.x.length;
  const n = convention === 'output' ? c.w1 : w0;
  return `w_0 = ${w0}, w_1 = ${c.w1}, a = ${qToString(c.slope)}, weights ∝ ${describeDiscrete(c.weights)}, input ${describeVector(c.input)}: Var[x] = ${qToString(inputVariance(c.input))}, Var[y^(1)] = ${qToString(outputVariance(c.input, c.weights, c.slope, n))} with weight variance 2/(${n}(a²+1))`;
};
const widthChange: LayerCase = {
  input: iidVector(rademacher(), 2),
  weights: rademacher(),
  slope: new Fraction(0),
  w1: 3,
};

export const proposition1: StatementSpec = {
  id: 'proposition-1',
  title: 'Proposition 1: He initialisation preserves the He random vector and its variance',
  statement:
    'If for all l = 1, …, d weight matrices W^(l) are i.i.d., zero-mean, and symmetric with variance equal to 2/(w_l(a²+1)), then for an input He random vector x with variance σ_x² the output random vector y^(d) is a He random vector with variance σ_x².',
  corrected: {
    statement:
      'With weight variance 2/(w_{l−1}(a²+1)) (the fan-in of W^(l) ∈ ℝ^{w_l × w_{l−1}}), for any widths, y^(d) is a He random vector with variance σ_x²; with 2/(w_l(a²+1)) this holds when the widths are constant.',
  },
  checks: [
    realNetworkCheck('fan-out'),
    realNetworkCheck('fan-in'),
    monteCarloCheck<NetworkConfiguration>({
      id: 'proposition-1/montecarlo/layer-1-conditional-variance',
      role: 'corrected',
      source: 'Proposition 1 (fan-in variance 2/(w_0(a²+1))) at layer 1, real He weights, input integrated out',
      description:
        'Var[y^(1)] = σ_x² = 1 for ReLU networks with widths (16,16) normal, (8,32) Laplace and (24,12) uniform He weights and i.i.d. standard normal inputs, estimated by the conditional expectation given the real He weight matrix (the input integrated out analytically: Ê[y_i² | W] = E[φ(x)²]·Σ_j W_ij²), batch means over 64 batches; power ≥ 0.99 against a 1% error (else out of reach), at the run\'s per-test false-alarm probability.',
      configurations: () => CONDITIONAL_CONFIGURATIONS,
      testsPerConfiguration: () => 1,
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = CONDITIONAL_SAMPLES[ctx.tier];
        const result = conditionalLayerOneMonteCarlo({ widths: [c.widths[0]!, c.widths[1]!], slope: c.slope, weights: distributionByName(c.weights), input: normal(), samples, seed, falseAlarm });
        return propagationRecords([result.tests], { inputs: `${describeConfiguration(c, 'w_0')}; conditional on W (input integrated out)`, samples, seed, only: ['variance'] });
      },
    }),
    propertyCheck({
      id: 'proposition-1/statement/variance-as-written',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 1, variance 2/(w_l(a²+1)) for W^(l) ∈ ℝ^{w_l × w_{l−1}}',
      description: 'Exact Var[y^(1)] (every weight row enumerated) against σ_x², over generated He inputs, weight laws, slopes and output widths w_1.',
      arbitrary: layerCase,
      predicate: (c) => outputVariance(c.input, c.weights, c.slope, c.w1).equals(inputVariance(c.input)),
      explain: explain('output'),
      examples: [widthChange],
    }),
    propertyCheck({
      id: 'proposition-1/statement/he-random-vector',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 1: y^(1) is a He random vector',
      description: 'The exact law of y^(1) (every weight configuration of a 2-wide layer enumerated) is zero-mean, symmetric, uncorrelated and homoscedastic.',
      arbitrary: fc.record({ input: heInputArb, weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }), slope: rationalSlopeArbitrary() }),
      predicate: ({ input, weights, slope }) => isHeRandomVector(pushForwardLayer(input, { weights: weights.atoms, widthOut: 2, slope })),
      explain: ({ input, weights, slope }) => `input ${describeVector(input)}, weights ∝ ${describeDiscrete(weights)}, a = ${qToString(slope)}`,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-1/corrected/fan-in-variance',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 1 with variance 2/(w_{l−1}(a²+1)) (Appendix A\'s proof)',
      description: 'With the fan-in convention, Var[y^(1)] = σ_x² exactly for every generated case, whatever w_1.',
      arbitrary: layerCase,
      predicate: (c) => outputVariance(c.input, c.weights, c.slope, c.input.atoms[0]!.x.length).equals(inputVariance(c.input)),
      explain: explain('fan-in'),
      examples: [widthChange],
    }),
    propertyCheck({
      id: 'proposition-1/corrected/deep-network-exact',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 1 for d = 2, 3 (Appendix A\'s induction), fan-in variance',
      description:
        'Whole networks of 2–3 layers (widths 1–3) on generated He inputs — pairs, i.i.d. vectors, and non-i.i.d. signed permutations of a rational vector times a random scale (σ² ≠ 1, c_0 ≠ 0) — every weight configuration of every layer enumerated: EVERY layer y^(l), the output y^(d) included, is zero-mean, symmetric, uncorrelated and homoscedastic (a He random vector) with variance exactly σ_x² under the fan-in He scale.',
      arbitrary: deepNetworkArb,
      predicate: (c) => {
        const sigma2 = inputVariance(c.input);
        return deepLayers(c).every((l) => isHeRandomVector(l.law) && l.variance.equals(sigma2));
      },
      explain: (c) =>
        `widths ${c.input.atoms[0]!.x.length},${c.widths.join(',')}, weights ∝ ${describeDiscrete(c.weights)}, a = ${qToString(c.slope)}, input ${describeVector(c.input)}: ` +
        deepLayers(c).map((l, i) => `layer ${i + 1}: He ${isHeRandomVector(l.law)}, Var ${qToString(l.variance)}`).join('; ') + ` (σ_x² = ${qToString(inputVariance(c.input))})`,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-1/step/variance-of-summand',
      role: 'step',
      kind: 'exact',
      source: 'Proposition 4 (Appendix A), proof: Var[W φ_a(y)] = E[W²]E[φ_a²(y)] = Var[W](a²+1)/2·σ_x²',
      description: 'Independence of W and y, then Lemma 6, exactly.',
      arbitrary: fc.record({ x: discreteSymmetricDistributionArbitrary(), weights: discreteSymmetricDistributionArbitrary(), slope: rationalSlopeArbitrary() }),
      predicate: ({ x, weights, slope }) => {
        let product = new Fraction(0);
        for (const w of weights.atoms)
          for (const a of x.atoms) {
            const phi = a.value.compare(0) < 0 ? slope.mul(a.value) : a.value;
            product = product.add(w.probability.mul(a.probability).mul(w.value.mul(phi).pow(2)));
          }
        return (
          product.equals(momentExact(weights.atoms, 2).mul(leakyReluMomentExact(x.atoms, { slope, power: 2 }))) &&
          product.equals(weights.exact.variance.mul(leakyReluSecondMoment(rationalField, { slope, variance: x.exact.variance })))
        );
      },
    }),
    exactCheck({
      id: 'proposition-1/step/sum-of-symmetric',
      role: 'step',
      source: 'Proposition 4 (Appendix A), proof: "It is symmetric as it is a sum of symmetric random variables"',
      description: 'The general claim, on an explicit pair of dependent symmetric variables.',
      evaluate: sumSymmetryEvidence,
    }),
  ],
};
