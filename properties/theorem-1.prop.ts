/**
 * Theorem 1. "For any He-initialized network with widths bounded from below by 2 and from above by
 * some w_max, the output-distribution kurtosis grows to infinity with increasing depth for any input
 * He random vector."
 *
 * Findings: the statement holds (the suite proves a quantitative version, below), but two steps of
 * the proof are false: λ_max of a product is not invariant under reversing or regrouping its factors
 * (only under cyclic shifts), and "c_1 > γ_1σ⁴κ_0 − σ⁴" fails when c_0 = −σ⁴ (a random signed
 * one-hot input vector). Replacement argument: with u = c/σ⁴ + 1 the recursion is homogeneous,
 * κ_l ≥ u_l, u_{l+1} ≥ u_l + (κ_l − u_l)/w_l and κ_{l+1} − u_{l+1} ≥ u_l, so
 * κ_d ≥ (κ_0/w_0)(1 + 1/w_max)^⌊(d−1)/2⌋.
 */
import { Fraction } from 'fraction.js';
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import { PROPAGATION_DEFAULTS, propagationMonteCarlo } from '../src/montecarlo/propagation/propagationMonteCarlo.ts';
import { assertIncrease } from '../src/stats/assertIncrease.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { uncorrelatedSymmetricPairArbitrary } from '../src/arbitraries/uncorrelatedSymmetricPairArbitrary.ts';
import { widthSequenceArbitrary } from '../src/arbitraries/widthSequenceArbitrary.ts';
import { normalizedStatistics } from '../src/exact/normalizedStatistics.ts';
import { pairToVector } from '../src/exact/pairToVector.ts';
import { propagateKurtosis } from '../src/theory/kurtosisRecursion.ts';
import { kurtosisLowerBound } from '../src/theory/kurtosisLowerBound.ts';
import { lemma3Parameters } from '../src/theory/lemma3Parameters.ts';
import { transitionMatrix } from '../src/theory/transitionMatrix.ts';
import { transitionProduct } from '../src/theory/transitionProduct.ts';
import { matMul, type Matrix } from '../src/theory/matrix.ts';
import { reducedTransitionMatrix } from '../src/theory/reducedTransitionMatrix.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { symbolicIdentityCheck } from '../src/verify/symbolicIdentityCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
const one = q(1);

/** A valid input: κ_0 ≥ 1 and u_0 = c_0/σ⁴ + 1 ∈ [0, κ_0] (E[x_i²x_j²] ≤ E[x_i⁴] by Cauchy–Schwarz). */
const inputArb = rationalKurtosisArbitrary().chain((kappa0) =>
  fc.integer({ min: 0, max: 16 }).map((k) => ({ kappa0, u0: kappa0.mul(k).div(16) })),
);
const networkArb = fc.record({
  widths: widthSequenceArbitrary({ min: 2, max: 12, minLength: 1, maxLength: 6 }),
  depth: fc.integer({ min: 1, max: 40 }),
  slope: rationalSlopeArbitrary({ maxNumerator: 6, maxDenominator: 4 }),
  kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }),
  input: inputArb,
});
type NetworkCase = { widths: number[]; depth: number; slope: Fraction; kw: Fraction; input: { kappa0: Fraction; u0: Fraction } };
const widthsOf = (c: NetworkCase) => Array.from({ length: c.depth }, (_, l) => c.widths[l % c.widths.length]!);

/** λ_max of the top-left 2×2 block of a product, compared through its trace (the determinants agree). */
function blockTrace(widths: number[], slope: Fraction, kw: Fraction): Fraction {
  const B = transitionProduct(rationalField, { widths, slope, weightKurtosis: kw, variance: one });
  return B[0]![0]!.add(B[1]![1]!);
}
const orderArb = fc.record({
  widths: widthSequenceArbitrary({ min: 2, max: 8, minLength: 3, maxLength: 6 }),
  slope: rationalSlopeArbitrary({ maxNumerator: 6, maxDenominator: 4 }),
  kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }),
});
const explainOrder = (label: string, other: (w: number[]) => number[]) => (c: { widths: number[]; slope: Fraction; kw: Fraction }) =>
  `a = ${qToString(c.slope)}, κ_w = ${qToString(c.kw)}: tr of A^(d)⋯A^(0) block with widths (w_0…w_d) = (${c.widths.join(', ')}) is ${qToString(blockTrace(c.widths, c.slope, c.kw))}; ${label} (${other(c.widths).join(', ')}) gives ${qToString(blockTrace(other(c.widths), c.slope, c.kw))} — equal determinants, different traces, so different λ_max`;
const reversed = (w: number[]) => [...w].reverse();
const grouped = (w: number[]) => [...w].sort((x, y) => x - y);

/** Random signed one-hot vector in ℝ²: a He random vector with c_0 = −σ⁴. */
const oneHot = pairToVector({
  atoms: [
    { x: q(1), y: q(0), p: q(1, 4) },
    { x: q(-1), y: q(0), p: q(1, 4) },
    { x: q(0), y: q(1), p: q(1, 4) },
    { x: q(0), y: q(-1), p: q(1, 4) },
  ],
});

/**
 * Real-network design for the growth of kurtosis: 2·10⁵ networks (8·10⁵ at full) of constant width
 * 8 or 12 and depth 3, where κ grows by ≈ 30–60% per layer and the κ_l intervals are ≈ ±2–5%
 * wide at the per-test false-alarm probability, so each increase is shown unless a layer's
 * batch estimates are too skewed (then out of reach).
 */
const GROWTH_SAMPLES = { quick: 200_000, full: 800_000 } as const;
const GROWTH_CASES = [
  { width: 8, depth: 3, weights: 'normal', slope: 0 },
  { width: 12, depth: 3, weights: 'uniform', slope: 0.2 },
] as const;


/** 2×2 helpers for the "one diverging factor" step (exact). */
const tr2 = (M: Matrix<Fraction>) => M[0]![0]!.add(M[1]![1]!);
const det2 = (M: Matrix<Fraction>) => M[0]![0]!.mul(M[1]![1]!).sub(M[0]![1]!.mul(M[1]![0]!));
const rowSums = (M: Matrix<Fraction>) => M.map((row) => row.reduce((a, b) => a.add(b), q(0)));
/** λ_max(M) ≥ s for a 2×2 matrix with real eigenvalues: s ≤ tr/2, or χ(s) = s² − tr·s + det ≤ 0. */
const lambdaMaxAtLeast = (M: Matrix<Fraction>, s: Fraction) =>
  s.compare(tr2(M).div(2)) <= 0 || s.pow(2).sub(tr2(M).mul(s)).add(det2(M)).compare(0) <= 0;
const product2 = (Ms: readonly Matrix<Fraction>[]): Matrix<Fraction> => Ms.reduce((P, M) => matMul(rationalField, P, M), [[one, q(0)], [q(0), one]]);
/** A_w₋ in the normalised coordinates (κ, c/σ⁴), σ² = 1 (a similarity of every other σ²). */
const reducedA = (w: number, slope: Fraction, kw: Fraction) => reducedTransitionMatrix(rationalField, { slope, width: w, weightKurtosis: kw, variance: one });
/** Lemma 3's form with all four parameters equal to t (σ = 1): γ > 0, α ≥ γ, δ > 0, β ≥ δ. */
const lemma3Form = (t: Fraction): Matrix<Fraction> => [[t, t, t], [t, t, t.sub(1)], [q(0), q(0), one]];
const diverging = fc.record({
  before: widthSequenceArbitrary({ min: 2, max: 12, minLength: 0, maxLength: 4 }),
  after: widthSequenceArbitrary({ min: 2, max: 12, minLength: 0, maxLength: 4 }),
  w: fc.integer({ min: 2, max: 12 }),
  m: fc.integer({ min: 1, max: 6 }),
  slope: rationalSlopeArbitrary({ maxNumerator: 6, maxDenominator: 4 }),
  kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }),
});
type DivergingCase = typeof diverging extends fc.Arbitrary<infer T> ? T : never;
/** B₋ = Y₁·X·Y₂ with X = A_w₋^m, and its cyclic shift P₋ = X·Y₂·Y₁ (same trace and determinant). */
function divergingProduct(c: DivergingCase) {
  const Y1 = product2(c.before.map((w) => reducedA(w, c.slope, c.kw)));
  const Y2 = product2(c.after.map((w) => reducedA(w, c.slope, c.kw)));
  const X = product2(Array.from({ length: c.m }, () => reducedA(c.w, c.slope, c.kw)));
  return { X, B: product2([Y1, X, Y2]), P: product2([X, Y2, Y1]) };
}

export const theorem1: StatementSpec = {
  id: 'theorem-1',
  title: 'Theorem 1: output kurtosis grows to infinity with depth',
  statement:
    'For any He-initialized network with widths bounded from below by 2 and from above by some w_max, the output-distribution kurtosis grows to infinity with increasing depth for any input He random vector.',
  checks: [
    monteCarloCheck<(typeof GROWTH_CASES)[number]>({
      id: 'theorem-1/montecarlo/kurtosis-grows',
      role: 'statement',
      source: 'Theorem 1 on real networks (tfjs): κ_l increases with l',
      description:
        'Real He-initialised tfjs networks with standard normal inputs: the Monte Carlo kurtosis of layer l is shown larger than that of layer l − 1 (each κ at its (1 − α/2) batch-means t interval; the later interval must lie above the earlier one, a false alarm ≤ α whatever their dependence), for every layer of the case.',
      configurations: () => GROWTH_CASES,
      testsPerConfiguration: (c) => c.depth,
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = GROWTH_SAMPLES[ctx.tier];
        const widths = new Array<number>(c.depth + 1).fill(c.width);
        const result = propagationMonteCarlo({ widths, slope: c.slope, weights: distributionByName(c.weights), input: normal(), samples, seed, falseAlarm });
        const kappa = result.summaries.map((s) => s.kappa);
        return kappa.slice(1).map((after, index) => ({
          quantity: `κ_${index + 1} > κ_${index}`,
          inputs: `width ${c.width}, depth ${c.depth}, slope a = ${c.slope}, weights ${c.weights} (He), input i.i.d. normal`,
          samples,
          seed,
          assertion: assertIncrease({ before: kappa[index]!, after, falseAlarm, maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness }),
        }));
      },
    }),
    propertyCheck({
      id: 'theorem-1/statement/lower-bound',
      role: 'statement',
      kind: 'exact',
      source: 'Theorem 1 (quantitative form proved by the suite)',
      description:
        'Along Proposition 3\'s recursion with varying widths in [2, w_max], any slope, κ_w ≥ 1 and any valid input (κ_0 ≥ 1, −σ⁴ ≤ c_0 ≤ (κ_0−1)σ⁴): κ_d ≥ (κ_0/w_0)(1 + 1/w_max)^⌊(d−1)/2⌋ → ∞, at every depth d (exact).',
      arbitrary: networkArb,
      predicate: (c) => {
        const widths = widthsOf(c);
        const wMax = Math.max(...widths);
        const layers = propagateKurtosis(rationalField, { widths, slope: c.slope, weightKurtosis: c.kw, variance: one, kappa0: c.input.kappa0, c0: c.input.u0.sub(1) });
        return layers.every((layer, d) => d === 0 || layer.kappa.compare(kurtosisLowerBound(rationalField, { kappa0: c.input.kappa0, w0: widths[0]!, wMax, depth: d })) >= 0);
      },
      runsFactor: 0.5,
    }),
    propertyCheck({
      id: 'theorem-1/step/kappa-from-lemma-3',
      role: 'step',
      kind: 'exact',
      source: 'Theorem 1, proof: κ_{d+1} = α_dκ_0 + β_d c_0/σ⁴ + β_d',
      description: 'The Lemma 3 parameters of B^(d) give κ_{d+1} exactly.',
      arbitrary: networkArb,
      predicate: (c) => {
        const widths = widthsOf(c);
        const variance = q(3, 2);
        const s4 = variance.pow(2);
        const c0 = c.input.u0.sub(1).mul(s4);
        const B = lemma3Parameters(rationalField, transitionProduct(rationalField, { widths, slope: c.slope, weightKurtosis: c.kw, variance }), variance);
        const layers = propagateKurtosis(rationalField, { widths, slope: c.slope, weightKurtosis: c.kw, variance, kappa0: c.input.kappa0, c0 });
        return layers[layers.length - 1]!.kappa.equals(B.alpha.mul(c.input.kappa0).add(B.beta.mul(c0).div(s4)).add(B.beta));
      },
      runsFactor: 0.5,
    }),
    propertyCheck({
      id: 'theorem-1/step/c0-lower-bound',
      role: 'step',
      kind: 'exact',
      source: 'Theorem 1, proof: c_0 = E[(y_i^(0))²(y_j^(0))²] − σ⁴ ≥ −σ⁴',
      description: 'Over generated input He random vectors (pairs), c_0/σ⁴ ≥ −1, and u_0 = c_0/σ⁴ + 1 ≤ κ_0.',
      arbitrary: uncorrelatedSymmetricPairArbitrary(),
      predicate: (pair) => {
        const s = normalizedStatistics(pairToVector(pair));
        return s.cOverSigma4.compare(-1) >= 0 && s.cOverSigma4.add(1).compare(s.kappa) <= 0;
      },
    }),
    exactCheck({
      id: 'theorem-1/step/c1-strict-inequality',
      role: 'step',
      source: 'Theorem 1, proof: c_1 = γ_1σ⁴κ_0 + δ_1c_0 + σ⁴(δ_1 − 1) > γ_1σ⁴κ_0 − σ⁴',
      description: 'At the He random vector "random signed one-hot" (c_0 = −σ⁴), width 2, a = 0, κ_w = 3.',
      evaluate: () => {
        const s = normalizedStatistics(oneHot);
        const A = transitionMatrix(rationalField, { slope: q(0), width: 2, weightKurtosis: q(3), variance: one });
        const c1 = A[1]![0]!.mul(s.kappa).add(A[1]![1]!.mul(s.cOverSigma4)).add(A[1]![2]!);
        const bound = A[1]![0]!.mul(s.kappa).sub(1);
        return {
          holds: c1.compare(bound) > 0,
          evidence: `x = ±e_k with probability 1/4 each: κ_0 = ${qToString(s.kappa)}, c_0/σ⁴ = ${qToString(s.cOverSigma4)}; c_1/σ⁴ = ${qToString(c1)} = γ_1κ_0 − 1 = ${qToString(bound)} (equality, not >); c_1 > −σ⁴ still holds`,
        };
      },
    }),
    propertyCheck({
      id: 'theorem-1/step/reverse-product-order',
      role: 'step',
      kind: 'exact',
      source: 'Theorem 1, proof: λ_max(∏_{l=0}^{d} A^(d−l)) = λ_max(∏_{l=0}^{d} A^(l))',
      description:
        'Reversing the order of the factors leaves λ_max unchanged (traces of the 2×2 blocks compared; determinants are equal). False for general matrices, but true here: every A₋^(l) lies in the 2-dimensional span of two fixed matrices, which share a symmetric S with S·A₋·S⁻¹ = A₋ᵀ.',
      arbitrary: orderArb,
      predicate: (c) => blockTrace(c.widths, c.slope, c.kw).equals(blockTrace(reversed(c.widths), c.slope, c.kw)),
      explain: explainOrder('reversed', reversed),
      examples: [{ widths: [2, 3, 4], slope: q(0), kw: q(3) }],
    }),
    propertyCheck({
      id: 'theorem-1/step/group-into-powers',
      role: 'step',
      kind: 'exact',
      source: 'Theorem 1, proof: λ_max(∏ A^(l)) = λ_max(∏_{w=2}^{w_max} A_w^{m_w})',
      description: 'Regrouping the factors by width (into powers A_w^{m_w}) leaves λ_max unchanged.',
      arbitrary: orderArb,
      predicate: (c) => blockTrace(c.widths, c.slope, c.kw).equals(blockTrace(grouped(c.widths), c.slope, c.kw)),
      explain: explainOrder('grouped by width', grouped),
      examples: [{ widths: [2, 3, 2, 3], slope: q(0), kw: q(3) }],
    }),
    symbolicIdentityCheck({
      id: 'theorem-1/step/homogeneous-kappa',
      role: 'step',
      source: 'Suite\'s proof: with u = c/σ⁴ + 1, κ\' = ακ + βu',
      description: 'Row 1 of A^(l) in the coordinates (κ, u).',
      lhs: '2*(a^4+1)*k_w/(w*(a^2+1)^2)*k + 3*(w-1)/(w*v^2)*c + 3*(w-1)/w',
      rhs: '2*(a^4+1)*k_w/(w*(a^2+1)^2)*k + 3*(w-1)/w*(c/v^2 + 1)',
    }),
    symbolicIdentityCheck({
      id: 'theorem-1/step/homogeneous-u',
      role: 'step',
      source: 'Suite\'s proof: u\' = γκ + δu',
      description: 'Row 2 of A^(l) divided by σ⁴, plus 1, in the coordinates (κ, u).',
      lhs: '(2*(a^4+1)*v^2/(w*(a^2+1)^2)*k + (w-1)/w*c - v^2/w)/v^2 + 1',
      rhs: '2*(a^4+1)/(w*(a^2+1)^2)*k + (w-1)/w*(c/v^2 + 1)',
    }),
    symbolicIdentityCheck({
      id: 'theorem-1/step/gap-recursion',
      role: 'step',
      source: 'Suite\'s proof: κ\' − u\' = (κ_w − 1)γκ + 2δu ≥ 2δu ≥ u (w ≥ 2)',
      description: 'The gap D = κ − u after one layer.',
      lhs: '(2*(a^4+1)*k_w/(w*(a^2+1)^2)*k + 3*(w-1)/w*u) - (2*(a^4+1)/(w*(a^2+1)^2)*k + (w-1)/w*u)',
      rhs: '(k_w - 1)*2*(a^4+1)/(w*(a^2+1)^2)*k + 2*(w-1)/w*u',
    }),
    symbolicIdentityCheck({
      id: 'theorem-1/step/u-increment',
      role: 'step',
      source: 'Suite\'s proof: u\' − u − (κ − u)/w = (h − 1)κ/w with h − 1 = (a² − 1)²/(a² + 1)² ≥ 0',
      description: 'So u\' ≥ u + (κ − u)/w for every slope.',
      lhs: '(2*(a^4+1)/(w*(a^2+1)^2)*k + (w-1)/w*u) - u - (k - u)/w',
      rhs: '(a^2-1)^2/(a^2+1)^2*k/w',
    }),
    propertyCheck({
      id: 'theorem-1/step/width-one-remark',
      role: 'step',
      kind: 'exact',
      source: 'Theorem 1, closing remark: w = 1 allowed if |a| ≠ 1 or κ_w ≠ 1',
      description: 'At constant width 1, κ_d = (2(a⁴+1)κ_w/(a²+1)²)^d κ_0 exactly, which grows iff not (|a| = 1 and κ_w = 1).',
      arbitrary: fc.record({ slope: rationalSlopeArbitrary(), kw: rationalKurtosisArbitrary(), depth: fc.integer({ min: 1, max: 12 }), input: inputArb }),
      predicate: ({ slope, kw, depth, input }) => {
        const layers = propagateKurtosis(rationalField, { widths: Array(depth).fill(1), slope, weightKurtosis: kw, variance: one, kappa0: input.kappa0, c0: input.u0.sub(1) });
        const a2 = slope.pow(2);
        const factor = q(2).mul(a2.pow(2).add(1)).mul(kw).div(a2.add(1).pow(2));
        const grows = factor.compare(1) > 0;
        return layers[depth]!.kappa.equals(factor.pow(depth).mul(input.kappa0)) && grows === !(a2.equals(1) && kw.equals(1));
      },
    }),

    exactCheck({
      id: 'theorem-1/step/one-diverging-factor',
      role: 'step',
      source:
        'Theorem 1, proof: "The product consists of a finite number of matrices of the form from Lemma 3 and at least one matrix with all positive parameters going to infinity. In effect, the positive parameters for this product go to infinity, which implies that λ_max goes to infinity"',
      description:
        'The inference from Lemma 3\'s form alone: X_t with α = β = γ = δ = t → ∞ and Y_t with α = β = γ = δ = 1/t³ are both of Lemma 3\'s form (σ = 1); λ_max(X_tY_t) is computed exactly for t = 10, 100, 1000.',
      evaluate: () => {
        const rows = [10, 100, 1000].map((t) => {
          const P = matMul(rationalField, lemma3Form(q(t)), lemma3Form(q(1, t ** 3)));
          const block: Matrix<Fraction> = [P[0]!.slice(0, 2), P[1]!.slice(0, 2)];
          // λ_max of the block: tr ≥ 0 and det = 0 here, so λ_max = tr; the 3×3 adds the eigenvalue 1.
          return { t, trace: tr2(block), det: det2(block) };
        });
        const last = rows[rows.length - 1]!;
        return {
          holds: last.det.equals(0) ? last.trace.compare(1) > 0 : false,
          evidence: rows.map((r) => `t = ${r.t}: the block of X_tY_t has trace ${qToString(r.trace)} and determinant ${qToString(r.det)}, so λ_max(X_tY_t) = max(${qToString(r.trace)}, 1) = 1`).join('; ') +
            ' — the parameters of X_t go to infinity, yet λ_max of the product stays 1: the step needs the other factors bounded below, which Lemma 3\'s form does not give (the corrected check shows the actual factors are)',
        };
      },
    }),
    propertyCheck({
      id: 'theorem-1/step/one-diverging-factor-actual-factors',
      role: 'step',
      kind: 'exact',
      source: 'Theorem 1, proof, the step "one factor diverges ⇒ λ_max of the product diverges", for the actual factors A_w',
      description:
        'In the coordinates (κ, c/σ⁴) every A_w₋ (w ≥ 2, any slope, κ_w ≥ 1) has row sums ≥ 1 (row 2: (2h + w − 1)/w with h = (a⁴+1)/(a²+1)² ≥ 1/2), so any product Y of them has Y𝟙 ≥ 𝟙; for B₋ = Y₁XY₂ with X = A_w₋^m: λ_max(B₋) = λ_max(XY₂Y₁) (equal trace and determinant, checked) ≥ min row sum of XY₂Y₁ (Collatz–Wielandt) ≥ min row sum of X, which → ∞ by the corrected Lemma 5. Each link checked exactly on generated products.',
      arbitrary: diverging,
      predicate: (c) => {
        const factors = [...c.before, ...c.after, c.w].map((w) => reducedA(w, c.slope, c.kw));
        if (!factors.every((F) => rowSums(F).every((r) => r.compare(1) >= 0))) return false;
        const { X, B, P } = divergingProduct(c);
        if (!tr2(B).equals(tr2(P)) || !det2(B).equals(det2(P))) return false;
        const rsP = rowSums(P);
        const rsX = rowSums(X);
        if (!rsP.every((r, i) => r.compare(rsX[i]!) >= 0)) return false;
        const minRow = rsP[0]!.compare(rsP[1]!) <= 0 ? rsP[0]! : rsP[1]!;
        const minRowX = rsX[0]!.compare(rsX[1]!) <= 0 ? rsX[0]! : rsX[1]!;
        return lambdaMaxAtLeast(P, minRow) && minRow.compare(minRowX) >= 0;
      },
      explain: (c) => `widths before ${c.before.join(',') || '—'}, X = A_${c.w}^${c.m}, after ${c.after.join(',') || '—'}; a = ${qToString(c.slope)}, κ_w = ${qToString(c.kw)}`,
      examples: [{ before: [3], after: [2, 5], w: 2, m: 3, slope: one, kw: one }],
      runsFactor: 0.5,
    }),
  ],
};
