/**
 * Proposition 3. "Consider a network that is He-initialized with a distribution that has kurtosis
 * κ_w and that has output random vectors y^(l) at every layer l with variance σ_x². Let
 * c_l = Cov[(y_i^(l))², (y_j^(l))²] be the covariance between any two squared entries from y^(l)
 * and let κ_l = Kurt[y_i^(l)] be the kurtosis of every entry i in y^(l), then the kurtoses of
 * consecutive layers are recursively related through the linear matrix difference equation
 * k^(l+1) = A^(l) k^(l), where k^(l) = [κ_l, c_l, 1]ᵀ and A^(l) = [[2(a⁴+1)κ_w/(w_l(a²+1)²),
 * 3(w_l−1)/(w_lσ_x⁴), 3(w_l−1)/w_l], [2(a⁴+1)σ_x⁴/(w_l(a²+1)²), (w_l−1)/w_l, −σ_x⁴/w_l], [0, 0, 1]].
 * Consequently, k^(d+1) = (∏_{l=0}^{d} A^(d−l)) k^(0)."
 *
 * Findings: (1) the first step (input → layer 1) inherits Lemma 2's gap: for an input He random
 * vector whose pairs are not sign-flip symmetric, κ_1 and c_1 differ from A^(0)k^(0); from layer 1
 * on the recursion is exact. (2) The proof's multinomial display sums over ordered pairs j ≠ k
 * with coefficient 6, double-counting; its next line (6·C(w,2)) is right.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { uncorrelatedSymmetricPairArbitrary } from '../src/arbitraries/uncorrelatedSymmetricPairArbitrary.ts';
import { widthSequenceArbitrary } from '../src/arbitraries/widthSequenceArbitrary.ts';
import { lemma2Counterexample } from '../src/distributions/joint/lemma2Counterexample.ts';
import type { DiscreteSymmetricDistribution } from '../src/distributions/types.ts';
import { describeDiscrete, describeJoint, describeVector } from '../src/exact/describe.ts';
import { entryMoments } from '../src/exact/entryMoments.ts';
import { iidVector } from '../src/exact/iidVector.ts';
import { normalizedStatistics } from '../src/exact/normalizedStatistics.ts';
import { oneUnitMoments } from '../src/exact/oneUnitMoments.ts';
import { pairToVector } from '../src/exact/pairToVector.ts';
import { pushForwardLayer } from '../src/exact/pushForwardLayer.ts';
import { signFlipSymmetrize } from '../src/exact/quadrantMoments.ts';
import type { VectorDistribution } from '../src/exact/vectorDistribution.ts';
import { leakyReluMomentExact, momentExact } from '../src/exact/leakyReluMomentExact.ts';
import { propagateKurtosis } from '../src/theory/kurtosisRecursion.ts';
import { matVec } from '../src/theory/matrix.ts';
import { transitionProduct } from '../src/theory/transitionProduct.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';
import { networkConfigurationArbitrary, type NetworkConfiguration } from '../src/arbitraries/networkConfigurationArbitrary.ts';
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import { propagationMonteCarlo, propagationTestCount } from '../src/montecarlo/propagation/propagationMonteCarlo.ts';
import { propagationRecords } from '../src/montecarlo/propagation/propagationRecords.ts';
import { scaleMixtureInput } from '../src/montecarlo/propagation/scaleMixtureInput.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';
import { couplingVectorArbitrary } from '../src/arbitraries/couplingVectorArbitrary.ts';
import { vectorSignFlipSymmetrize } from '../src/exact/vectorSignFlipSymmetrize.ts';
import { firstStepCorrection } from '../src/exact/firstStepCorrection.ts';
import { conditionalLayerOneMonteCarlo } from '../src/montecarlo/propagation/conditionalLayerOneMonteCarlo.ts';
import { signedPermutationVector } from '../src/exact/signedPermutationVector.ts';
import { positiveRationalArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { enumerationCost } from '../src/arbitraries/enumerationCost.ts';

/**
 * Monte Carlo design of the real-network checks. n = 10⁵ networks per configuration (quick tier;
 * 4·10⁵ at full) gives the layer-1 kurtosis a relative stderr ≈ 0.3–0.5% at widths 6–16, so a 5%
 * deviation is detected with power ≈ 1 at a per-test false-alarm probability ≈ 1e-8; deeper
 * narrow layers are reported out of reach where their 8th moments make the test powerless.
 */
const MC_SAMPLES = { quick: 100_000, full: 400_000 } as const;
const MC_CONFIGURATIONS = { quick: 3, full: 8 } as const;
const describeConfiguration = (c: NetworkConfiguration, input: string) =>
  `widths ${c.widths.join(',')} (input first), slope a = ${c.slope}, weights ${c.weights} (He), input ${input}`;



/**
 * Conditional (Rao–Blackwellised) design of the layer-1 κ and c checks (issue 14 §4): given the
 * real He weights the input is integrated out, so κ̂_1's relative stderr is ≈ 0.04/√n at widths
 * (16, 16) with normal weights (≈ 2·10⁻⁴ at n = 4·10⁴; the plain estimator needs ≈ 50× the
 * samples): a 1% bias of κ̂ is detected with power ≈ 1 (≥ 0.99 required, else out of reach) at the
 * run's per-test false-alarm probability. A fixed ReLU/normal network first, then generated ones
 * over slopes −3…3 (a = 0, ±1 often) and weight kurtoses 1…12 (three-point laws besides the named).
 */
const CONDITIONAL_SAMPLES = { quick: 40_000, full: 160_000 } as const;
const CONDITIONAL_GENERATED = { quick: 3, full: 10 } as const;
/** Generated configurations of the wide plain check, after its three fixed ones. */
const WIDE_GENERATED = { quick: 1, full: 5 } as const;
const wideConfigurationArbitrary = (maxDepth: number) =>
  networkConfigurationArbitrary({ minWidth: 8, maxWidth: 24, maxDepth, maxAbsSlope: 3, slopeConstants: [0, -1, 1], weightKurtosisRange: { min: 1, max: 12 } });


/**
 * A whole small network on a non-i.i.d. input of width w_0 ∈ {3, 4}: x = s·(ε_i v_π(i)), a signed
 * random permutation of a generated rational vector times a generated positive scale (dependent
 * entries, c_0 < 0 for one-hot-like v, > 0 for a scale mixture; σ² ≠ 1), then 1–2 layers of
 * widths 1–3, every weight configuration enumerated (cost ≤ 2·10⁴ joint configurations).
 */
export const wideInputNetworkArb = fc
  .record({
    v: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 3, maxLength: 4 }).filter((v) => v.some((x) => x !== 0)),
    scales: fc.uniqueArray(positiveRationalArbitrary(3, 2), { minLength: 1, maxLength: 2, selector: (x) => x.toFraction() }),
    weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
    slope: rationalSlopeArbitrary(),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 2 }),
  })
  .map((c) => ({ ...c, input: signedPermutationVector(c.v.map((x) => new Fraction(x)), c.scales.map((value) => ({ value, probability: new Fraction(1, c.scales.length) }))) }))
  .filter(({ input, weights, widths, v }) => enumerationCost(input.atoms.length, [v.length, ...widths], weights.atoms.length) <= 20_000);
type WideInputNetwork = typeof wideInputNetworkArb extends fc.Arbitrary<infer T> ? T : never;
/**
 * Exact (κ_l, c_l/σ⁴) of every layer, and the recursion run at the input's own σ² with its raw c_0
 * (so A^(l)'s σ⁴ entries are exercised), normalised by σ⁴ for the comparison.
 */
function wideInputLayers(c: WideInputNetwork) {
  const statistics = (d: VectorDistribution) => {
    const m = entryMoments(d);
    const s4 = m.second[0]!.pow(2);
    return { kappa: m.fourth[0]!.div(s4), cOverSigma4: d.atoms[0]!.x.length >= 2 ? m.crossSquares[0]!.div(s4).sub(1) : new Fraction(0) };
  };
  const m0 = entryMoments(c.input);
  const sigma2 = m0.second[0]!;
  const raw0 = m0.crossSquares[0]!.sub(sigma2.pow(2));
  let layer: VectorDistribution = c.input;
  const exact = [statistics(layer)];
  for (const w of c.widths) {
    layer = pushForwardLayer(layer, { weights: c.weights.atoms, widthOut: w, slope: c.slope });
    exact.push(statistics(layer));
  }
  const predicted = propagateKurtosis(rationalField, {
    widths: [c.v.length, ...c.widths.slice(0, -1)],
    slope: c.slope,
    weightKurtosis: c.weights.exact.kurtosis,
    variance: sigma2,
    kappa0: exact[0]!.kappa,
    c0: raw0,
  }).map((p) => ({ kappa: p.kappa, cOverSigma4: p.c.div(sigma2.pow(2)) }));
  const widths = [c.v.length, ...c.widths];
  return { exact, predicted, widths, sigma2 };
}

type Joint = { atoms: readonly { x: Fraction; y: Fraction; p: Fraction }[] };
interface StepCase {
  readonly pair: Joint;
  readonly weights: DiscreteSymmetricDistribution;
  readonly slope: Fraction;
}

/** Exact (κ_1, c_1/σ⁴) of a width-2 layer fed by `input`, and Proposition 3's prediction from the input's statistics. */
function oneStep(input: VectorDistribution, weights: DiscreteSymmetricDistribution, slope: Fraction) {
  const m = oneUnitMoments(input, { weights: weights.atoms, slope });
  const actual = { kappa: m.m4.div(m.m2.pow(2)), c: m.m22.div(m.m2.pow(2)).sub(1) };
  const s0 = normalizedStatistics(input);
  // Normalised coordinates: A with σ = 1 maps (κ, c/σ⁴) to (κ', c'/σ⁴) whatever the He scale.
  const [, predicted] = propagateKurtosis(rationalField, {
    widths: [input.atoms[0]!.x.length],
    slope,
    weightKurtosis: weights.exact.kurtosis,
    variance: new Fraction(1),
    kappa0: s0.kappa,
    c0: s0.cOverSigma4,
  });
  return { actual, predicted: predicted! };
}
const agrees = (r: ReturnType<typeof oneStep>) => r.actual.kappa.equals(r.predicted.kappa) && r.actual.c.equals(r.predicted.c);
const explainStep = (input: VectorDistribution, { pair, weights, slope }: StepCase) => {
  const r = oneStep(input, weights, slope);
  return `input ${describeJoint(pair)}; weights ∝ ${describeDiscrete(weights)} (κ_w = ${qToString(weights.exact.kurtosis)}); a = ${qToString(slope)}; exact (κ₁, c₁/σ⁴) = (${qToString(r.actual.kappa)}, ${qToString(r.actual.c)}), A⁽⁰⁾k⁽⁰⁾ gives (${qToString(r.predicted.kappa)}, ${qToString(r.predicted.c)})`;
};

// Small weight supports keep the enumeration of every weight configuration cheap (≤ 3^4 per layer).
const weightsArb = discreteSymmetricDistributionArbitrary({ maxAtoms: 1 });
const stepCase = fc.record({ pair: uncorrelatedSymmetricPairArbitrary(), weights: weightsArb, slope: rationalSlopeArbitrary() });

/**
 * A whole tiny network for exact enumeration: i.i.d. discrete symmetric input entries (c_0 = 0,
 * sign-flip symmetric pairs), then 1–3 layers of generated widths 1–3, every weight configuration
 * of every layer enumerated. The filter bounds the enumeration: Π_l |support|^(w_{l−1}·w_l) times
 * the input's atoms stays ≤ 3·10³ joint configurations.
 */
const tinyNetworkArb = fc
  .record({
    x: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
    weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
    slope: rationalSlopeArbitrary(),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
  })
  .filter(({ x, weights, widths }) => enumerationCost(x.atoms.length ** widths[0]!, widths, weights.atoms.length) <= 3000);
type TinyNetwork = typeof tinyNetworkArb extends fc.Arbitrary<infer T> ? T : never;
/** Exact (κ_l, c_l/σ⁴) of every layer of a tiny network, and the recursion's, layer 0 being the input. */
function tinyNetworkLayers({ x, weights, slope, widths }: TinyNetwork) {
  // κ of entry 1, and c/σ⁴ of entries (1, 2) where the layer has two entries.
  const statistics = (d: VectorDistribution) => {
    const m = entryMoments(d);
    const s4 = m.second[0]!.pow(2);
    return { kappa: m.fourth[0]!.div(s4), cOverSigma4: d.atoms[0]!.x.length >= 2 ? m.crossSquares[0]!.div(s4).sub(1) : new Fraction(0) };
  };
  let layer = iidVector(x, widths[0]!);
  const exact = [statistics(layer)];
  for (let l = 1; l < widths.length; l++) {
    layer = pushForwardLayer(layer, { weights: weights.atoms, widthOut: widths[l]!, slope });
    exact.push(statistics(layer));
  }
  const predicted = propagateKurtosis(rationalField, {
    widths: widths.slice(0, -1),
    slope,
    weightKurtosis: weights.exact.kurtosis,
    variance: new Fraction(1),
    kappa0: x.exact.kurtosis,
    c0: new Fraction(0),
  });
  return { exact, predicted };
}

// ── Issue 14 §1: inputs beyond central symmetry and exchangeability, w₀ = 2, 3 and 4 ───────────

interface VectorStepCase {
  readonly input: VectorDistribution;
  readonly weights: DiscreteSymmetricDistribution;
  readonly slope: Fraction;
}
/** w₀ = 3 He random vectors with equal c over pairs (cyclic), not exchangeable, any flip set. */
const vectorStepCase = fc.record({ input: couplingVectorArbitrary({ width: 3, maxAtoms: 2 }), weights: weightsArb, slope: rationalSlopeArbitrary() });
/** w₀ = 4 He random vectors with equal c over pairs (pair components), not exchangeable, any flip set. */
const vectorStepCaseW4 = fc.record({ input: couplingVectorArbitrary({ width: 4, maxAtoms: 2 }), weights: weightsArb, slope: rationalSlopeArbitrary() });
const explainVectorStep = ({ input, weights, slope }: VectorStepCase) => {
  const r = oneStep(input, weights, slope);
  const corr = firstStepCorrection(input, slope);
  return `input ${describeVector(input)}; weights ∝ ${describeDiscrete(weights)} (κ_w = ${qToString(weights.exact.kurtosis)}); a = ${qToString(slope)}; exact (κ₁, c₁/σ⁴) = (${qToString(r.actual.kappa)}, ${qToString(r.actual.c)}), A⁽⁰⁾k⁽⁰⁾ gives (${qToString(r.predicted.kappa)}, ${qToString(r.predicted.c)}), Lemma 2 gap term (${qToString(corr.kappa)}, ${qToString(corr.c)}), ΣG/σ⁴ = ${qToString(corr.gapSum)}`;
};
/** Exact first step equals A⁽⁰⁾k⁽⁰⁾ plus the Lemma 2 gap term. */
const agreesCorrected = (input: VectorDistribution, weights: DiscreteSymmetricDistribution, slope: Fraction) => {
  const r = oneStep(input, weights, slope);
  const corr = firstStepCorrection(input, slope);
  return r.actual.kappa.equals(r.predicted.kappa.add(corr.kappa)) && r.actual.c.equals(r.predicted.c.add(corr.c));
};

function firstStepChecks() {
  return [
    propertyCheck({
      id: 'proposition-3/statement/first-step-exact-w3',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 3, l = 0, w₀ = 3',
      description:
        'Exact enumeration of every weight configuration of a layer fed by a generated input He random vector of width 3 (identically distributed entries, equal c over pairs; not exchangeable, not centrally symmetric, any sign-flip set): (κ_1, c_1/σ⁴) against A^(0)k^(0).',
      arbitrary: vectorStepCase,
      predicate: (c: VectorStepCase) => agrees(oneStep(c.input, c.weights, c.slope)),
      explain: explainVectorStep,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-3/statement/first-step-exact-w4',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 3, l = 0, w₀ = 4',
      description:
        'As the w₀ = 3 check with input He random vectors of width 4 (identically distributed entries, equal c over all six pairs by pair components; not exchangeable, not centrally symmetric, any sign-flip set): (κ_1, c_1/σ⁴) against A^(0)k^(0).',
      arbitrary: vectorStepCaseW4,
      predicate: (c: VectorStepCase) => agrees(oneStep(c.input, c.weights, c.slope)),
      explain: explainVectorStep,
      runsFactor: 0.1,
    }),
    propertyCheck({
      id: 'proposition-3/corrected/both-sign-flips-input',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 3, l = 0, input pairs with (x_i, x_j) =ᵈ (−x_i, x_j) for every ordered pair (w₀ = 2)',
      description: 'Exact enumeration with the generated input symmetrised under x₁ → −x₁ AND x₂ → −x₂: the first step matches A^(0)k^(0).',
      arbitrary: stepCase,
      predicate: (c: StepCase) => agrees(oneStep(vectorSignFlipSymmetrize(pairToVector(c.pair), [0, 1]), c.weights, c.slope)),
      explain: (c: StepCase) => explainStep(vectorSignFlipSymmetrize(pairToVector(c.pair), [0, 1]), c),
      runsFactor: 0.5,
    }),
    propertyCheck({
      id: 'proposition-3/corrected/all-sign-flips-input-w3',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 3, l = 0, w₀ = 3, every coordinate sign-flip symmetric',
      description: 'As the w₀ = 3 check, with every coordinate of the input symmetrised by an independent fair sign: the first step matches A^(0)k^(0).',
      arbitrary: vectorStepCase.map((c) => ({ ...c, input: vectorSignFlipSymmetrize(c.input, [0, 1, 2]) })),
      predicate: (c: VectorStepCase) => agrees(oneStep(c.input, c.weights, c.slope)),
      explain: explainVectorStep,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-3/corrected/all-sign-flips-input-w4',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 3, l = 0, w₀ = 4, every coordinate sign-flip symmetric',
      description: 'As the w₀ = 4 check, with every coordinate of the input symmetrised by an independent fair sign: the first step matches A^(0)k^(0).',
      arbitrary: vectorStepCaseW4.map((c) => ({ ...c, input: vectorSignFlipSymmetrize(c.input, [0, 1, 2, 3]) })),
      predicate: (c: VectorStepCase) => agrees(oneStep(c.input, c.weights, c.slope)),
      explain: explainVectorStep,
      // ≈ 0.2 s per case (≤ 625-point laws, 3⁴ weight rows each): 30 cases in the quick tier.
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-3/corrected/first-step-general',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 3, l = 0, any input He random vector with equal c over pairs',
      description:
        'For every generated input (w₀ = 2, 3 or 4): exact (κ_1, c_1/σ⁴) = A^(0)k^(0) + (8/(w₀²(a²+1)²))·(ΣG/σ⁴)·(3, 1), ΣG the sum over pairs j < k of Lemma 2\'s gap (1−a²)²/4·(Q₊₊+Q₋₋−Q₊₋−Q₋₊) + (1−a⁴)/2·(Q₊₊−Q₋₋) (from E[y⁴] = … + 6v²Σ_{j<k}E[φ_j²φ_k²] and E[y_i²y_l²] = v²Σ_{j,k}E[φ_j²φ_k²], v = 2/(w₀(a²+1))).',
      arbitrary: fc.oneof(stepCase.map((c) => ({ input: pairToVector(c.pair), weights: c.weights, slope: c.slope })), vectorStepCase, vectorStepCaseW4),
      predicate: (c: VectorStepCase) => agreesCorrected(c.input, c.weights, c.slope),
      explain: explainVectorStep,
      runsFactor: 0.3,
    }),
  ];
}

export const proposition3: StatementSpec = {
  id: 'proposition-3',
  title: 'Proposition 3: the kurtosis recursion k^(l+1) = A^(l) k^(l)',
  statement:
    'For a He-initialized network (weight kurtosis κ_w) whose layers are He random vectors of variance σ_x², with c_l = Cov[(y_i^(l))², (y_j^(l))²] and κ_l = Kurt[y_i^(l)]: k^(l+1) = A^(l) k^(l), k^(l) = [κ_l, c_l, 1]ᵀ, A^(l) = [[2(a⁴+1)κ_w/(w_l(a²+1)²), 3(w_l−1)/(w_lσ_x⁴), 3(w_l−1)/w_l], [2(a⁴+1)σ_x⁴/(w_l(a²+1)²), (w_l−1)/w_l, −σ_x⁴/w_l], [0, 0, 1]]; consequently k^(d+1) = (∏_{l=0}^{d} A^(d−l)) k^(0).',
  corrected: {
    statement:
      'The recursion holds exactly from every hidden layer on (l ≥ 1), and from the input when every ordered pair is sign-flip symmetric ((x_i, x_j) =ᵈ (−x_i, x_j) for all i ≠ j — both flips; one flip alone is not enough), e.g. when the input is Proposition 2\'s z = Wx; for a general input He random vector (w₀ = 2 or 3, equal c over pairs) the first step is A^(0)k^(0) + 8/(w₀²(a²+1)²)·(ΣG/σ⁴)·(3, 1, 0)ᵀ, G = Lemma 2\'s gap over each pair.',
  },
  checks: [
    monteCarloCheck<NetworkConfiguration & { readonly scaleMixture?: number }>({
      id: 'proposition-3/montecarlo/real-networks',
      role: 'statement',
      source: 'Proposition 3: κ_l and c_l on real networks (tfjs)',
      description:
        'Real He-initialised tfjs networks y(l) = W(l)φ_a(y(l−1)) with generated varying widths (6–16), depths 1–3, slopes and weight laws (normal, uniform, Rademacher, Laplace), standard normal i.i.d. inputs (κ_0 = 3, c_0 = 0) and one scale-mixture input (κ_0 = 4.08, c_0/σ⁴ = 0.36): per layer, the Monte Carlo variance, κ_l and c_l (batch means, 64 batches) against Proposition 1 and the recursion, each test at the run\'s per-test false-alarm probability, power stated against a 5% deviation.',
      // First a fixed network fed by a scale mixture x = s·g (c_0 = 2.25 ≠ 0, so that the
      // coefficients multiplying c_l act from the first step), then generated ones with i.i.d. inputs.
      configurations: (ctx, seed) => [
        { widths: [8, 12, 8], slope: 0, weights: 'uniform', scaleMixture: 2 },
        ...fc.sample(networkConfigurationArbitrary(), { seed, numRuns: MC_CONFIGURATIONS[ctx.tier] }),
      ],
      testsPerConfiguration: (c) => propagationTestCount(c.widths),
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = MC_SAMPLES[ctx.tier];
        const vector = c.scaleMixture === undefined ? undefined : scaleMixtureInput({ scale: c.scaleMixture });
        const result = propagationMonteCarlo({
          widths: c.widths,
          slope: c.slope,
          weights: distributionByName(c.weights),
          input: normal(),
          ...(vector !== undefined ? { inputVector: vector } : {}),
          samples,
          seed,
          falseAlarm,
        });
        return propagationRecords(result.layers, { inputs: describeConfiguration(c, vector?.name ?? 'normal'), samples, seed });
      },
    }),
    monteCarloCheck<NetworkConfiguration>({
      id: 'proposition-3/montecarlo/layer-1-conditional',
      role: 'statement',
      source: 'Proposition 3 at l = 0 → 1 (i.i.d. input): κ_1 and c_1, real He weights, input integrated out',
      description:
        'κ_1 and c_1 = Cov[y_i², y_j²] of layer 1 against A^(0)k^(0) for a fixed network (widths 16,16, a = 0, normal weights) and generated ones (widths 8–24, slopes −3…3 with a = 0, ±1 often, weight laws normal, uniform, Rademacher, Laplace and three-point with kurtosis 1…12), i.i.d. standard normal inputs, estimated by conditional expectations given the real He weight matrix (Ê[y_i⁴ | W] = μ₄Σ_jW_ij⁴ + 3μ₂²((Σ_jW_ij²)² − Σ_jW_ij⁴), Ê[y_i²y_k² | W] likewise), through the same moment accumulator (κ̂ = m₄/m₂², batch means, jackknife); power ≥ 0.99 against a 1% deviation (else out of reach), at the run\'s per-test false-alarm probability.',
      configurations: (ctx, seed) => [
        { widths: [16, 16], slope: 0, weights: 'normal' },
        ...fc.sample(wideConfigurationArbitrary(1), { seed, numRuns: CONDITIONAL_GENERATED[ctx.tier] }),
      ],
      testsPerConfiguration: (c) => (c.widths[1]! >= 2 ? 2 : 1),
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = CONDITIONAL_SAMPLES[ctx.tier];
        const result = conditionalLayerOneMonteCarlo({ widths: [c.widths[0]!, c.widths[1]!], slope: c.slope, weights: distributionByName(c.weights), input: normal(), samples, seed, falseAlarm });
        return propagationRecords([result.tests], { inputs: `${describeConfiguration(c, 'normal')}; conditional on W (input integrated out)`, samples, seed, only: ['kappa', 'c'] });
      },
    }),
    monteCarloCheck<NetworkConfiguration>({
      id: 'proposition-3/montecarlo/wide-slopes-and-kurtoses',
      role: 'statement',
      source: 'Proposition 3 on real networks (tfjs), slopes beyond |a| ≤ 0.5 and weight kurtoses beyond {1, 1.8, 3, 6}',
      description:
        'Real He-initialised tfjs networks of depth 1–2, widths 8–24: fixed ones at a = −2 (three-point weights, κ_w = 4.5), a = 1.5 (uniform) and a = 1 (three-point, κ_w = 2.4), then generated slopes in [−3, 3] (a = 0, ±1 often) and weight laws normal, uniform, Rademacher, Laplace or three-point with a generated kurtosis in [1, 12], standard normal i.i.d. inputs: per layer the Monte Carlo variance, κ_l and c_l against Propositions 1 and 3 (plain estimator, 64 batches), power stated against a 5% deviation, at the run\'s per-test false-alarm probability.',
      // The classes the narrow generator never reaches, fixed so that each is tried whatever the seed, then generated ones.
      configurations: (ctx, seed) => [
        { widths: [12, 16], slope: -2, weights: 'three-point:4.5' },
        { widths: [16, 12, 10], slope: 1.5, weights: 'uniform' },
        { widths: [10, 14], slope: 1, weights: 'three-point:2.4' },
        ...fc.sample(wideConfigurationArbitrary(2), { seed, numRuns: WIDE_GENERATED[ctx.tier] }),
      ],
      testsPerConfiguration: (c) => propagationTestCount(c.widths),
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = MC_SAMPLES[ctx.tier];
        const result = propagationMonteCarlo({ widths: c.widths, slope: c.slope, weights: distributionByName(c.weights), input: normal(), samples, seed, falseAlarm });
        return propagationRecords(result.layers, { inputs: describeConfiguration(c, 'normal'), samples, seed });
      },
    }),
    propertyCheck({
      id: 'proposition-3/statement/tiny-networks-exact',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 3: k^(l) for every layer of a whole network',
      description:
        'Tiny networks (input width 1–3 with i.i.d. discrete symmetric entries, 1–3 layers of generated widths 1–3, rational slope, discrete symmetric weights): every weight configuration of every layer enumerated in rational arithmetic; κ_l and c_l/σ⁴ of EVERY layer equal the recursion A^(l−1)⋯A^(0)k^(0) exactly (c_l only where w_l ≥ 2).',
      arbitrary: tinyNetworkArb,
      predicate: (c) => {
        const { exact, predicted } = tinyNetworkLayers(c);
        return exact.every((e, l) => e.kappa.equals(predicted[l]!.kappa) && (c.widths[l]! < 2 || e.cOverSigma4.equals(predicted[l]!.c)));
      },
      explain: (c) => {
        const { exact, predicted } = tinyNetworkLayers(c);
        const rows = exact.map((e, l) => `layer ${l}: exact (κ, c/σ⁴) = (${qToString(e.kappa)}, ${c.widths[l]! < 2 ? '—' : qToString(e.cOverSigma4)}), recursion (${qToString(predicted[l]!.kappa)}, ${qToString(predicted[l]!.c)})`);
        return `widths ${c.widths.join(',')}, x entries ∝ ${describeDiscrete(c.x)}, weights ∝ ${describeDiscrete(c.weights)}, a = ${qToString(c.slope)}; ${rows.join('; ')}`;
      },
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'proposition-3/statement/first-step-exact',
      role: 'statement',
      kind: 'exact',
      source: 'Proposition 3, l = 0',
      description:
        'Exact enumeration of every weight configuration of a width-2 layer fed by a generated input He random vector (w_0 = 2): (κ_1, c_1/σ⁴) against A^(0)k^(0).',
      arbitrary: stepCase,
      predicate: (c) => agrees(oneStep(pairToVector(c.pair), c.weights, c.slope)),
      explain: (c) => explainStep(pairToVector(c.pair), c),
      runsFactor: 0.5,
    }),
    propertyCheck({
      id: 'proposition-3/step/multinomial-ordered-pairs',
      role: 'step',
      kind: 'exact',
      source: 'Proposition 3, proof, first display: E[y⁴] = Σ_j E[(W_jφ_j)⁴] + Σ_{j≠k} (4 choose 2,2) E[(W_jφ_j)²(W_kφ_k)²]',
      description:
        'The display as printed (sum over ordered pairs j ≠ k, coefficient 6) against the exact E[y⁴] (independent, sign-symmetric inputs so that Lemma 2 is not involved).',
      arbitrary: fc.record({ weights: weightsArb, x: discreteSymmetricDistributionArbitrary({ maxAtoms: 2 }), slope: rationalSlopeArbitrary() }),
      predicate: ({ weights, x, slope }) => {
        const input = iidVector(x, 2);
        const m = oneUnitMoments(input, { weights: weights.atoms, slope });
        const phi2 = leakyReluMomentExact(x.atoms, { slope, power: 2 });
        const phi4 = leakyReluMomentExact(x.atoms, { slope, power: 4 });
        const r2 = momentExact(weights.atoms, 2);
        const r4 = momentExact(weights.atoms, 4);
        const diagonal = r4.mul(phi4).mul(2);
        const orderedPairs = new Fraction(2); // (1,2) and (2,1)
        const printed = diagonal.add(new Fraction(6).mul(orderedPairs).mul(r2.pow(2)).mul(phi2.pow(2)));
        return printed.equals(m.m4);
      },
      explain: ({ weights, x, slope }) => `w = 2, x entries i.i.d. ${describeDiscrete(x)}, weights ∝ ${describeDiscrete(weights)}, a = ${qToString(slope)}`,
    }),
    propertyCheck({
      id: 'proposition-3/step/multinomial-unordered-pairs',
      role: 'step',
      kind: 'exact',
      source: 'Proposition 3, proof, second display: … + 6·C(w_l, 2)·(σ⁴ + c_l)/w_l²',
      description: 'The corrected expansion (unordered pairs j < k, coefficient 6) equals the exact E[y⁴].',
      arbitrary: fc.record({ weights: weightsArb, x: discreteSymmetricDistributionArbitrary({ maxAtoms: 2 }), slope: rationalSlopeArbitrary() }),
      predicate: ({ weights, x, slope }) => {
        const input = iidVector(x, 2);
        const m = oneUnitMoments(input, { weights: weights.atoms, slope });
        const phi2 = leakyReluMomentExact(x.atoms, { slope, power: 2 });
        const diagonal = momentExact(weights.atoms, 4).mul(leakyReluMomentExact(x.atoms, { slope, power: 4 })).mul(2);
        return diagonal.add(new Fraction(6).mul(momentExact(weights.atoms, 2).pow(2)).mul(phi2.pow(2))).equals(m.m4);
      },
      explain: ({ weights, x, slope }) => `w = 2, x entries i.i.d. ${describeDiscrete(x)}, weights ∝ ${describeDiscrete(weights)}, a = ${qToString(slope)}`,
    }),
    symbolicIdentityCheck({
      id: 'proposition-3/step/fourth-moment-term',
      role: 'step',
      source: 'Proposition 3, proof: E[(W_ij φ_a(y_j))⁴] = 2(a⁴+1)κ_wσ_x⁴κ_l / (w_l²(a²+1)²)',
      description: 'E[W⁴]·E[φ⁴] with E[W⁴] = κ_w (2/(w(a²+1)))² and Lemma 1.',
      lhs: 'k_w*(2/(w*(a^2+1)))^2 * (a^4+1)/2 * v^2 * k',
      rhs: '2*(a^4+1)*k_w*v^2*k/(w^2*(a^2+1)^2)',
    }),
    symbolicIdentityCheck({
      id: 'proposition-3/step/cross-term',
      role: 'step',
      source: 'Proposition 3, proof: E[(W_ijφ_j)²(W_ikφ_k)²] = (2/(w_l(a²+1)))²·(a²+1)²/4·(σ⁴+c_l) = (σ⁴+c_l)/w_l²',
      description: 'Lemma 2 times the squared He variance.',
      lhs: '(2/(w*(a^2+1)))^2 * (a^2+1)^2/4 * (v^2 + c)',
      rhs: '(v^2 + c)/w^2',
    }),
    symbolicIdentityCheck({
      id: 'proposition-3/step/kappa-row',
      role: 'step',
      source: 'Proposition 3, proof: κ_{l+1} = E[(y_i^(l+1))⁴]/σ_x⁴ gives row 1 of A^(l)',
      description: '(w·E[(Wφ)⁴] + 6·C(w,2)·(σ⁴+c)/w²)/σ⁴ equals row 1 of A^(l) applied to [κ, c, 1].',
      lhs: '(w*2*(a^4+1)*k_w*v^2*k/(w^2*(a^2+1)^2) + 6*(w*(w-1)/2)*(v^2+c)/w^2)/v^2',
      rhs: '2*(a^4+1)*k_w/(w*(a^2+1)^2)*k + 3*(w-1)/(w*v^2)*c + 3*(w-1)/w',
    }),
    symbolicIdentityCheck({
      id: 'proposition-3/step/c-row',
      role: 'step',
      source: 'Proposition 3, proof: c_{l+1} = 4/(w²(a²+1)²)·ΣΣE[φ²φ²] − σ⁴ gives row 2 of A^(l)',
      description: 'With ΣΣE[φ²φ²] = w(w−1)(a²+1)²/4·(σ⁴+c) + w(a⁴+1)/2·σ⁴κ.',
      lhs: '4/(w^2*(a^2+1)^2)*(w*(w-1)*(a^2+1)^2/4*(v^2+c) + w*(a^4+1)/2*v^2*k) - v^2',
      rhs: '2*(a^4+1)*v^2/(w*(a^2+1)^2)*k + (w-1)/w*c - v^2/w',
    }),
    propertyCheck({
      id: 'proposition-3/step/product-form',
      role: 'step',
      kind: 'exact',
      source: 'Proposition 3: k^(d+1) = (∏_{l=0}^{d} A^(d−l)) k^(0)',
      description: 'The ordered product A^(d)⋯A^(0) applied to k^(0) equals the layer-by-layer recursion, for varying widths (exact).',
      arbitrary: fc.record({
        widths: widthSequenceArbitrary({ min: 1, max: 12, minLength: 1, maxLength: 8 }),
        slope: rationalSlopeArbitrary(),
        kw: rationalKurtosisArbitrary(),
        kappa0: rationalKurtosisArbitrary(),
        c0: fc.integer({ min: -4, max: 20 }).map((n) => new Fraction(n, 4)),
        variance: fc.integer({ min: 1, max: 9 }).map((n) => new Fraction(n, 3)),
      }),
      predicate: ({ widths, slope, kw, kappa0, c0, variance }) => {
        const B = transitionProduct(rationalField, { widths, slope, weightKurtosis: kw, variance });
        const viaProduct = matVec(rationalField, B, [kappa0, c0, new Fraction(1)]);
        const layers = propagateKurtosis(rationalField, { widths, slope, weightKurtosis: kw, variance, kappa0, c0 });
        const last = layers[layers.length - 1]!;
        return viaProduct[0]!.equals(last.kappa) && viaProduct[1]!.equals(last.c) && viaProduct[2]!.equals(1);
      },
    }),
    propertyCheck({
      id: 'proposition-3/corrected/sign-flip-symmetric-input',
      role: 'step',
      kind: 'exact',
      source: 'Proposition 3, l = 0, input symmetrised under x₁ → −x₁ only (the suite\'s earlier correction)',
      description:
        'Exact enumeration as above with the input symmetrised under x₁ → −x₁ only: enough for centrally symmetric inputs, not in general (Lemma 2 needs both flips). Kept as a finding.',
      arbitrary: stepCase,
      predicate: (c) => agrees(oneStep(pairToVector(signFlipSymmetrize(c.pair)), c.weights, c.slope)),
      explain: (c) => explainStep(pairToVector(signFlipSymmetrize(c.pair)), c),
      runsFactor: 0.5,
    }),
    propertyCheck({
      id: 'proposition-3/corrected/non-iid-wide-input-exact',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 3 from the input on, w_0 > 2, σ_x² ≠ 1, non-i.i.d. sign-flip-symmetric input',
      description:
        'Inputs of width 3–4 that are He random vectors but not i.i.d. (signed random permutations of a rational vector times a random scale: dependent entries, c_0 of either sign, σ² ≠ 1), 1–2 layers of widths 1–3, every weight configuration enumerated: κ_l and c_l/σ⁴ of EVERY layer equal the recursion A^(l−1)⋯A^(0)k^(0) run at the input\'s σ² with its raw c_0, exactly.',
      arbitrary: wideInputNetworkArb,
      predicate: (c) => {
        const { exact, predicted, widths } = wideInputLayers(c);
        return exact.every((e, l) => e.kappa.equals(predicted[l]!.kappa) && (widths[l]! < 2 || e.cOverSigma4.equals(predicted[l]!.cOverSigma4)));
      },
      explain: (c) => {
        const { exact, predicted, widths, sigma2 } = wideInputLayers(c);
        return `widths ${widths.join(',')}, input v = (${c.v.join(', ')}) × scale ∈ {${c.scales.map(qToString).join(', ')}} (σ² = ${qToString(sigma2)}), weights ∝ ${describeDiscrete(c.weights)}, a = ${qToString(c.slope)}; ` +
          exact.map((e, l) => `layer ${l}: exact (${qToString(e.kappa)}, ${qToString(e.cOverSigma4)}), recursion (${qToString(predicted[l]!.kappa)}, ${qToString(predicted[l]!.cOverSigma4)})`).join('; ');
      },
      runsFactor: 0.2,
    }),
    propertyCheck({
      id: 'proposition-3/corrected/hidden-layer-step',
      role: 'corrected',
      kind: 'exact',
      source: 'Proposition 3, l = 1',
      description:
        'From ANY generated input He random vector: the exact law of layer 1 (every weight configuration enumerated), then layer 2 — (κ_2, c_2/σ⁴) = A^(1)k^(1) exactly.',
      arbitrary: fc.record({ pair: uncorrelatedSymmetricPairArbitrary({ maxAtoms: 2 }), weights: weightsArb, slope: rationalSlopeArbitrary() }),
      predicate: ({ pair, weights, slope }) => {
        const layer1 = pushForwardLayer(pairToVector(pair), { weights: weights.atoms, widthOut: 2, slope });
        return agrees(oneStep(layer1, weights, slope));
      },
      explain: (c) => explainStep(pushForwardLayer(pairToVector(c.pair), { weights: c.weights.atoms, widthOut: 2, slope: c.slope }), c),
      runsFactor: 0.3,
    }),
    ...firstStepChecks(),
  ],
};

