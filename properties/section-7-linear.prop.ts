/**
 * Section 7, networks without activation. "Kurtosis explodes even for networks without
 * activation function, which is equivalent to setting the negative slope parameter a to 1 in our
 * analysis."
 *
 * At a = 1 (φ = identity) Lemma 2 holds for every pair law (the quadrant terms cancel), so
 * Proposition 3's recursion is exact from the input on; with u = c/σ⁴ + 1 it is the homogeneous
 * linear map (κ, u) ↦ M_w (κ, u), M_w = [[κ_w/w, 3(w−1)/w], [1/w, (w−1)/w]].
 * det(I − M_w) = (3 − 2w − κ_w)/w² < 0 for every w ≥ 2, so λ_max(M_w) > 1 and κ_d → ∞
 * (M_w is positive, the start (κ_0, u_0) non-negative and non-zero). At w = 1, M_1 = [[κ_w, 0], [1, 0]]:
 * κ_d = κ_w^d κ_0, which does not grow when κ_w = 1 (Rademacher weights: y = ±x).
 *
 * Finding: refuted as written (no width restriction) at the boundary w = 1, κ_w = 1 — the case the
 * paper's own remark after Theorem 1 excludes ("|a| ≠ 1 or κ_w ≠ 1"); true for widths ≥ 2, and
 * for width 1 with κ_w > 1. On real linear tfjs networks the kurtosis grows at the recursion's rate.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { uncorrelatedSymmetricPairArbitrary } from '../src/arbitraries/uncorrelatedSymmetricPairArbitrary.ts';
import { widthSequenceArbitrary } from '../src/arbitraries/widthSequenceArbitrary.ts';
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import { describeDiscrete, describeJoint } from '../src/exact/describe.ts';
import { entryMoments } from '../src/exact/entryMoments.ts';
import { iidVector } from '../src/exact/iidVector.ts';
import { pairToVector } from '../src/exact/pairToVector.ts';
import { pushForwardLayer } from '../src/exact/pushForwardLayer.ts';
import type { VectorDistribution } from '../src/exact/vectorDistribution.ts';
import { architectureMonteCarlo } from '../src/montecarlo/architecture/architectureMonteCarlo.ts';
import { PROPAGATION_DEFAULTS, propagationTestCount } from '../src/montecarlo/propagation/propagationMonteCarlo.ts';
import { propagationRecords } from '../src/montecarlo/propagation/propagationRecords.ts';
import { assertIncreaseWithPower } from '../src/stats/assertIncreaseWithPower.ts';
import { kurtosisLowerBound } from '../src/theory/kurtosisLowerBound.ts';
import { propagateKurtosis } from '../src/theory/kurtosisRecursion.ts';
import { largestEigenvalueExceedsOne } from '../src/theory/largestEigenvalueExceedsOne.ts';
import { reducedTransitionMatrix } from '../src/theory/reducedTransitionMatrix.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';
import { enumerationCost } from '../src/arbitraries/enumerationCost.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
const one = q(1);

/** Proposition 3 at a = 1 in the homogeneous coordinates (κ, u), one layer of width w. */
function linearStep(kw: Fraction, w: number, k: { kappa: Fraction; u: Fraction }) {
  const wq = q(w);
  return { kappa: kw.mul(k.kappa).div(wq).add(q(3 * (w - 1)).mul(k.u).div(wq)), u: k.kappa.div(wq).add(q(w - 1).mul(k.u).div(wq)) };
}
/** det(I − M_w) and tr M_w: λ_max(M_w) > 1 ⟺ det(I − M_w) < 0 or tr M_w > 2 (M_w ≥ 0 has a real Perron root). */
function perron(kw: Fraction, w: number) {
  const M = [
    [kw.div(w), q(3 * (w - 1), w)],
    [q(1, w), q(w - 1, w)],
  ];
  const p1 = one.sub(M[0]![0]!).mul(one.sub(M[1]![1]!)).sub(M[0]![1]!.mul(M[1]![0]!));
  return { p1, trace: M[0]![0]!.add(M[1]![1]!) };
}

/** λ_max(M_w) > 1, M_w = Lemma 4's A₋ at a = 1, σ² = 1 (src/theory), decided exactly from its trace and determinant. */
function perronRootExceedsOne(kw: Fraction, w: number): boolean {
  const M = reducedTransitionMatrix(rationalField, { slope: one, width: w, weightKurtosis: kw, variance: one });
  const trace = M[0]![0]!.add(M[1]![1]!);
  const determinant = M[0]![0]!.mul(M[1]![1]!).sub(M[0]![1]!.mul(M[1]![0]!));
  return largestEigenvalueExceedsOne(rationalField, { trace, determinant });
}

/** A valid input: κ_0 ≥ 1 and u_0 = c_0/σ⁴ + 1 ∈ [0, κ_0] (Cauchy–Schwarz). */
const inputArb = rationalKurtosisArbitrary({ maxNumerator: 60, maxDenominator: 6 }).chain((kappa0) => fc.integer({ min: 0, max: 12 }).map((k) => ({ kappa0, u0: kappa0.mul(k).div(12) })));
/** Constant-width linear networks as the claim admits them: any width w ≥ 1, any κ_w ≥ 1 (Rademacher's 1 included), any valid input. */
export const constantWidthArb = fc.record({ width: fc.integer({ min: 1, max: 12 }), kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }), input: inputArb });
type ConstantWidthCase = typeof constantWidthArb extends fc.Arbitrary<infer T> ? T : never;

/** Whether κ_d → ∞ for this case, decided exactly (see the file header). */
function explodes(c: ConstantWidthCase): boolean {
  if (c.width === 1) return c.kw.compare(1) > 0;
  const { p1, trace } = perron(c.kw, c.width);
  return p1.compare(0) < 0 || trace.compare(2) > 0;
}

/** Tiny linear networks: input i.i.d. entries or a generated uncorrelated symmetric pair (any identically distributed law), 1–3 layers of widths 1–3. */
export const tinyLinearArb = fc
  .record({
    input: fc.oneof(
      fc.record({ kind: fc.constant('iid' as const), x: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }), width: fc.integer({ min: 1, max: 3 }) }),
      fc.record({ kind: fc.constant('pair' as const), pair: uncorrelatedSymmetricPairArbitrary({ maxAtoms: 2 }) }),
    ),
    weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
    widths: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
  })
  .filter(({ input, weights, widths }) => {
    const w0 = input.kind === 'iid' ? input.width : 2;
    const atoms0 = input.kind === 'iid' ? input.x.atoms.length ** w0 : input.pair.atoms.length;
    return enumerationCost(atoms0, [w0, ...widths], weights.atoms.length) <= 3000;
  });
type TinyLinear = typeof tinyLinearArb extends fc.Arbitrary<infer T> ? T : never;

/** Exact (κ_l, u_l) of every layer (u only where w_l ≥ 2) and the a = 1 recursion's. */
function tinyLinearLayers(c: TinyLinear) {
  const stats = (d: VectorDistribution) => {
    const m = entryMoments(d);
    const s4 = m.second[0]!.pow(2);
    return { kappa: m.fourth[0]!.div(s4), u: d.atoms[0]!.x.length >= 2 ? m.crossSquares[0]!.div(s4) : null };
  };
  let layer = c.input.kind === 'iid' ? iidVector(c.input.x, c.input.width) : pairToVector(c.input.pair);
  const w0 = layer.atoms[0]!.x.length;
  const exact = [stats(layer)];
  for (const w of c.widths) {
    layer = pushForwardLayer(layer, { weights: c.weights.atoms, widthOut: w, slope: one });
    exact.push(stats(layer));
  }
  const s0 = exact[0]!;
  const predicted = propagateKurtosis(rationalField, {
    widths: [w0, ...c.widths.slice(0, -1)],
    slope: one,
    weightKurtosis: c.weights.exact.kurtosis,
    variance: one,
    kappa0: s0.kappa,
    c0: (s0.u ?? one).sub(1),
  });
  return { exact, predicted };
}

/** Real linear networks (tfjs, activation identity) — constant widths, depth 3. */
const MC_CASES = [
  { width: 4, depth: 3, weights: 'normal' },
  { width: 8, depth: 3, weights: 'uniform' },
] as const;
const MC_SAMPLES = { quick: 100_000, full: 400_000 } as const;

export const section7Linear: StatementSpec = {
  id: 'section-7-linear',
  title: 'Section 7: kurtosis explodes without activation (a = 1)',
  statement: 'Kurtosis explodes even for networks without activation function, which is equivalent to setting the negative slope parameter a to 1 in our analysis.',
  corrected: {
    statement:
      'For He-initialised linear networks (φ = identity) the kurtosis recursion (Proposition 3 at a = 1) is exact from any input with exchangeable pairs, and κ_d → ∞ when every width is ≥ 2 (κ_d ≥ (κ_0/w_0)(1 + 1/w_max)^⌊(d−1)/2⌋; constant width w: rate λ_max(M_w) > 1), or at width 1 when κ_w > 1 (κ_d = κ_w^d κ_0). At width 1 with κ_w = 1 it stays constant.',
  },
  checks: [
    propertyCheck({
      id: 'section-7-linear/statement/explodes',
      role: 'statement',
      kind: 'exact',
      source: 'Section 7: "kurtosis explodes even for networks without activation function (a = 1)"',
      description:
        'Constant-width linear networks, every width the claim admits (w = 1…12), κ_w ≥ 1 (Rademacher 1 included), any valid input (κ_0, u_0): κ_d → ∞, decided exactly — w ≥ 2 by λ_max(M_w) > 1 (det(I − M_w) < 0 or tr M_w > 2), w = 1 by κ_d = κ_w^d κ_0.',
      arbitrary: constantWidthArb,
      predicate: explodes,
      examples: [{ width: 1, kw: q(1), input: { kappa0: q(3), u0: q(1) } }, { width: 2, kw: q(1), input: { kappa0: q(1), u0: q(1) } }],
      explain: (c) => {
        const d = [1, 2, 3].map((n) => {
          let k = { kappa: c.input.kappa0, u: c.input.u0 };
          for (let l = 0; l < n; l++) k = linearStep(c.kw, c.width, k);
          return qToString(k.kappa);
        });
        return `width ${c.width}, κ_w = ${qToString(c.kw)}, κ_0 = ${qToString(c.input.kappa0)}: κ_1, κ_2, κ_3 = ${d.join(', ')} — constant (y = ±x at every layer when κ_w = 1 and w = 1)`;
      },
    }),
    propertyCheck({
      id: 'section-7-linear/step/recursion-exact-tiny-networks',
      role: 'step',
      kind: 'exact',
      source: 'Section 7 ("equivalent to a = 1 in our analysis"): Proposition 3 at a = 1',
      description:
        'Tiny linear networks (input: i.i.d. discrete symmetric entries of width 1–3, or ANY generated uncorrelated symmetric pair — Lemma 2\'s counterexample shapes included; 1–3 layers of widths 1–3; discrete symmetric weights), every weight configuration enumerated in rational arithmetic: κ_l and u_l = c_l/σ⁴ + 1 of every layer equal the a = 1 recursion exactly.',
      arbitrary: tinyLinearArb,
      predicate: (c) => {
        const { exact, predicted } = tinyLinearLayers(c);
        return exact.every((e, l) => e.kappa.equals(predicted[l]!.kappa) && (e.u === null || e.u.equals(predicted[l]!.c.add(1))));
      },
      explain: (c) => {
        const { exact, predicted } = tinyLinearLayers(c);
        const input = c.input.kind === 'iid' ? `i.i.d. ${describeDiscrete(c.input.x)} ×${c.input.width}` : describeJoint(c.input.pair);
        return `input ${input}, widths ${c.widths.join(',')}, weights ∝ ${describeDiscrete(c.weights)}; ${exact.map((e, l) => `layer ${l}: exact κ = ${qToString(e.kappa)}, recursion ${qToString(predicted[l]!.kappa)}`).join('; ')}`;
      },
      runsFactor: 0.3,
    }),
    symbolicIdentityCheck({
      id: 'section-7-linear/step/perron-criterion',
      role: 'step',
      source: 'a = 1: det(I − M_w) with M_w = [[κ_w/w, 3(w−1)/w], [1/w, (w−1)/w]]',
      description: 'det(I − M_w) = (3 − 2w − κ_w)/w², negative for every w ≥ 2 and κ_w ≥ 1, so λ_max(M_w) > 1.',
      lhs: '(1 - k/w)*(1 - (w-1)/w) - (3*(w-1)/w)*(1/w)',
      rhs: '(3 - 2*w - k)/w^2',
    }),
    propertyCheck({
      id: 'section-7-linear/corrected/widths-at-least-2',
      role: 'corrected',
      kind: 'exact',
      source: 'Theorem 1 at a = 1 (the suite\'s quantitative form)',
      description:
        'Linear networks with varying widths in [2, w_max] (w_max ≤ 12), depths 1–40, κ_w ≥ 1, any valid input: along the exact a = 1 recursion κ_d ≥ (κ_0/w_0)(1 + 1/w_max)^⌊(d−1)/2⌋ at every depth d.',
      arbitrary: fc.record({ widths: widthSequenceArbitrary({ min: 2, max: 12, minLength: 1, maxLength: 6 }), depth: fc.integer({ min: 1, max: 40 }), kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }), input: inputArb }),
      predicate: (c) => {
        const widths = Array.from({ length: c.depth }, (_, l) => c.widths[l % c.widths.length]!);
        const wMax = Math.max(...widths);
        const layers = propagateKurtosis(rationalField, { widths, slope: one, weightKurtosis: c.kw, variance: one, kappa0: c.input.kappa0, c0: c.input.u0.sub(1) });
        return layers.every((layer, d) => d === 0 || layer.kappa.compare(kurtosisLowerBound(rationalField, { kappa0: c.input.kappa0, w0: widths[0]!, wMax, depth: d })) >= 0);
      },
      runsFactor: 0.5,
    }),
    propertyCheck({
      id: 'section-7-linear/corrected/width-1-heavy-weights',
      role: 'corrected',
      kind: 'exact',
      source: 'a = 1, w = 1: κ_{l+1} = κ_w κ_l',
      description: "Width-1 linear networks with κ_w > 1: Proposition 3's recursion (a = 1, w = 1) gives κ_d = κ_w^d κ_0 exactly (d = 1…20), unbounded; and every constant width w ≥ 2 has λ_max(M_w) > 1 (M_w = Lemma 4's A₋ at a = 1, σ² = 1, from its trace and determinant), for this κ_w and for κ_w = 1.",
      arbitrary: fc.record({ kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }).filter((k) => k.compare(1) > 0), width: fc.integer({ min: 2, max: 64 }), input: inputArb }),
      // Independent of this file's (κ, u) rewrite: κ_d from Proposition 3's general recursion
      // (src/theory, any slope, at a = 1, w = 1) and λ_max(M_w) from Lemma 4's A₋ (at a = 1, σ² = 1
      // it is M_w). Iterating linearStep at w = 1 instead would be κ ↦ κ_w·κ by construction, so
      // κ_d = κ_w^d κ_0 could not fail (the perturbation meta-test found it toothless).
      predicate: (c) => {
        const layers = propagateKurtosis(rationalField, { widths: new Array<number>(20).fill(1), slope: one, weightKurtosis: c.kw, variance: one, kappa0: c.input.kappa0, c0: c.input.u0.sub(1) });
        if (!layers.every((layer, d) => layer.kappa.equals(c.kw.pow(d).mul(c.input.kappa0)))) return false;
        return perronRootExceedsOne(c.kw, c.width) && perronRootExceedsOne(one, c.width);
      },
    }),
    monteCarloCheck<(typeof MC_CASES)[number]>({
      id: 'section-7-linear/montecarlo/real-linear-networks',
      role: 'corrected',
      source: 'Section 7 (a = 1) on real networks (tfjs, activation identity)',
      description:
        'Real He-initialised linear tfjs networks (activation identity, gain 1, i.i.d. standard normal inputs), widths 4 and 8, depth 3: per layer the variance, κ_l and c_l against the a = 1 recursion (Proposition 3\'s tests and reach rules), and κ_l > κ_{l−1} shown layer by layer (disjoint (1 − α/2) intervals, false alarm ≤ α whatever the dependence; power stated against an increase of 10% of κ_{l−1}). The recursion\'s growth rate per layer: λ_max(M_4) = 3/2, λ_max(M_8) with κ_w = 9/5: 1.209.',
      configurations: () => MC_CASES,
      testsPerConfiguration: (c) => propagationTestCount(new Array<number>(c.depth + 1).fill(c.width)) + c.depth,
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = MC_SAMPLES[ctx.tier];
        const widths = new Array<number>(c.depth + 1).fill(c.width);
        const r = architectureMonteCarlo({ widths, architecture: { kind: 'plain' }, activation: { name: 'identity' }, weights: distributionByName(c.weights), input: normal(), samples, seed, falseAlarm });
        const inputs = `linear network (identity activation), width ${c.width}, depth ${c.depth}, weights ${c.weights} (He, gain 1), input i.i.d. normal`;
        const consistency = propagationRecords(r.layers!, { inputs, samples, seed });
        const kappa = r.summaries.map((s) => s.kappa);
        const growth = kappa.slice(1).map((after, l) => ({
          quantity: `κ_${l + 1} > κ_${l}`,
          inputs,
          samples,
          seed,
          assertion: assertIncreaseWithPower({ before: kappa[l]!, after, falseAlarm, maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness }),
        }));
        return [...consistency, ...growth];
      },
    }),
  ],
};
