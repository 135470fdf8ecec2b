/**
 * Section 7, skip connections. "The addition of skip connections cannot stop the growth of
 * kurtosis because kurtosis explodes even for networks without activation function."
 *
 * The suite derives the exact recursion of the LINEAR residual block y' = y + α·W·y (He, gain 1:
 * Var W_ij = 1/w; `residualLinearStep`): in the coordinates (κ, u = E[y_i²y_j²]/σ⁴),
 * (κ', u') = M(α)(κ, u) with M(α) ≥ 0 entry-wise and, for α ≤ 1, M(α) ≤ I + α²P entry-wise,
 * P = [[(6+κ_w)/w, 9(w−1)/w], [3/w, 3(w−1)/w]]. Hence
 * - fixed α > 0: λ_max(M(α)) > 1, κ_l → ∞ geometrically (the claim holds);
 * - α = 0 (a zero-initialised branch, ReZero/SkipInit): y' = y, κ constant;
 * - α = c/√L (or c/L): max(κ_L, u_L) ≤ (1 + c²ρ/L)^L max(κ_0, u_0) ≤ e^{c²ρ} max(κ_0, u_0),
 *   ρ = ‖P‖_∞: the output kurtosis of a depth-L network stays bounded as L → ∞.
 * Finding: refuted as written over the branch scales used in practice (α = 0, 1/√L, 1/L stop
 * the explosion); the corrected statement (a depth-independent α > 0 cannot stop it) is exact for
 * linear residual networks and supported on real ReLU residual networks (simple and
 * pre-activation blocks) over the depths Monte Carlo reaches.
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalKurtosisArbitrary } from '../src/arbitraries/rationalKurtosisArbitrary.ts';
import { uncorrelatedSymmetricPairArbitrary } from '../src/arbitraries/uncorrelatedSymmetricPairArbitrary.ts';
import { distributionByName } from '../src/distributions/byName.ts';
import { normal } from '../src/distributions/normal.ts';
import { describeDiscrete, describeJoint } from '../src/exact/describe.ts';
import { entryMoments } from '../src/exact/entryMoments.ts';
import { iidVector } from '../src/exact/iidVector.ts';
import { pairToVector } from '../src/exact/pairToVector.ts';
import { pushForwardResidualLinear } from '../src/exact/pushForwardResidualLinear.ts';
import { architectureMonteCarlo } from '../src/montecarlo/architecture/architectureMonteCarlo.ts';
import { PROPAGATION_DEFAULTS, propagationTestCount } from '../src/montecarlo/propagation/propagationMonteCarlo.ts';
import { propagationRecords } from '../src/montecarlo/propagation/propagationRecords.ts';
import type { BranchScale } from '../src/network/residual/branchScale.ts';
import { branchScaleLabel } from '../src/network/residual/branchScaleLabel.ts';
import { assertIncreaseWithPower } from '../src/stats/assertIncreaseWithPower.ts';
import { propagateResidualLinear } from '../src/theory/propagateResidualLinear.ts';
import { residualLinearStep } from '../src/theory/residualLinearStep.ts';
import { monteCarloCheck } from '../src/verify/monteCarloCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
const one = q(1);
const zero = q(0);

/** M(α) in (κ, u) coordinates (He gain 1: v = 1/w), from `residualLinearStep` applied to the basis vectors. */
function residualMatrix(a2: Fraction, w: number, kw: Fraction): Fraction[][] {
  const col = (kappa: Fraction, u: Fraction) => {
    const m = residualLinearStep(rationalField, { m2: one, m4: kappa, m22: u }, { width: w, alphaSquared: a2, weightVariance: q(1, w), weightKurtosis: kw });
    const s4 = m.m2.pow(2);
    return [m.m4.div(s4), m.m22.div(s4)];
  };
  const [c0, c1] = [col(one, zero), col(zero, one)];
  return [
    [c0[0]!, c1[0]!],
    [c0[1]!, c1[1]!],
  ];
}
const lambdaMaxAboveOne = (M: Fraction[][]) => {
  const p1 = one.sub(M[0]![0]!).mul(one.sub(M[1]![1]!)).sub(M[0]![1]!.mul(M[1]![0]!));
  return p1.compare(0) < 0 || M[0]![0]!.add(M[1]![1]!).compare(2) > 0;
};
const rhoOf = (w: number, kw: Fraction) => {
  const row0 = q(6).add(kw).div(w).add(q(9 * (w - 1), w));
  return row0.compare(3) > 0 ? row0 : q(3);
};
/** (κ_L, u_L) of the depth-L linear residual network with α² = a2, from (κ_0, u_0). */
function outputOf(L: number, a2: Fraction, w: number, kw: Fraction, input: { kappa0: Fraction; u0: Fraction }) {
  const layers = propagateResidualLinear(rationalField, { width: w, depth: L, alphaSquared: a2, weightVariance: q(1, w), weightKurtosis: kw, input: { m2: one, m4: input.kappa0, m22: input.u0 } });
  return layers[L]!;
}
const maxOf = (a: Fraction, b: Fraction) => (a.compare(b) >= 0 ? a : b);

const inputArb = rationalKurtosisArbitrary({ maxNumerator: 60, maxDenominator: 6 }).chain((kappa0) => fc.integer({ min: 0, max: 12 }).map((k) => ({ kappa0, u0: kappa0.mul(k).div(12) })));
const alphaArb = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 8 })).filter(([p, d]) => p <= d).map(([p, d]) => q(p, d));
/** Every branch scale of §1: fixed α ∈ [0, 1] (0 and 1 included), 1/√L, 1/L, zero-initialised. */
const scaleArb: fc.Arbitrary<BranchScale> = fc.oneof(
  alphaArb.map((a) => ({ kind: 'fixed' as const, alpha: a.valueOf() })),
  fc.constant({ kind: 'inv-sqrt-depth' as const }),
  fc.constant({ kind: 'inv-depth' as const }),
  fc.constant({ kind: 'zero' as const }),
);
export const claimArb = fc.record({ width: fc.integer({ min: 1, max: 8 }), kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }), input: inputArb, scale: scaleArb });
type ClaimCase = typeof claimArb extends fc.Arbitrary<infer T> ? T : never;
/** α² of a depth-L network (exact: 1/L for 1/√L). */
const alphaSquaredOf = (s: BranchScale, L: number): Fraction =>
  s.kind === 'fixed' ? new Fraction(s.alpha).pow(2) : s.kind === 'inv-sqrt-depth' ? q(1, L) : s.kind === 'inv-depth' ? q(1, L * L) : zero;

/**
 * Whether the output kurtosis of the linear residual network grows to infinity with depth,
 * decided exactly: fixed α > 0 by λ_max(M(α)) > 1; α = 0 by y' = y (κ_L = κ_0 for all L);
 * depth-scaled α by the bound max(κ_L, u_L) ≤ (1 + α²ρ)^L max(κ_0, u_0) ≤ e^{ρ} max(κ_0, u_0)
 * (verified at L = 1…48 here and in corrected/depth-scaled-bounded).
 */
function growsWithoutBound(c: ClaimCase): boolean {
  if (c.scale.kind === 'fixed' && c.scale.alpha > 0) return lambdaMaxAboveOne(residualMatrix(alphaSquaredOf(c.scale, 1), c.width, c.kw));
  const start = maxOf(c.input.kappa0, c.input.u0);
  const rho = rhoOf(c.width, c.kw);
  const bound = c.scale.kind === 'inv-depth' ? start.mul(one.add(rho)) : c.scale.kind === 'inv-sqrt-depth' ? null : start;
  for (const L of [1, 2, 4, 8, 16, 48]) {
    const a2 = alphaSquaredOf(c.scale, L);
    const out = outputOf(L, a2, c.width, c.kw, c.input);
    const limit = bound ?? start.mul(one.add(a2.mul(rho)).pow(L));
    if (maxOf(out.kappa, out.u).compare(limit) > 0) throw new Error(`bound violated at L = ${L}`);
    if ((c.scale.kind === 'zero' || c.scale.kind === 'fixed') && !out.kappa.equals(c.input.kappa0)) throw new Error('α = 0 changed κ');
  }
  return false;
}

/** Tiny linear residual networks for exact enumeration. */
export const tinyArb = fc
  .record({
    input: fc.oneof(
      fc.record({ kind: fc.constant('iid' as const), x: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }), width: fc.integer({ min: 1, max: 2 }) }),
      fc.record({ kind: fc.constant('pair' as const), pair: uncorrelatedSymmetricPairArbitrary({ maxAtoms: 1 }) }),
    ),
    weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }),
    alpha: alphaArb,
    depth: fc.integer({ min: 1, max: 2 }),
  })
  .filter(({ input, weights, depth }) => {
    const w = input.kind === 'iid' ? input.width : 2;
    const atoms = input.kind === 'iid' ? input.x.atoms.length ** w : input.pair.atoms.length;
    return atoms * weights.atoms.length ** (w * w * depth) <= 4000;
  });
type TinyCase = typeof tinyArb extends fc.Arbitrary<infer T> ? T : never;
function tinyLayers(c: TinyCase) {
  let layer = c.input.kind === 'iid' ? iidVector(c.input.x, c.input.width) : pairToVector(c.input.pair);
  const w = layer.atoms[0]!.x.length;
  const moments = (d: typeof layer) => {
    const m = entryMoments(d);
    return { m2: m.second[0]!, m4: m.fourth[0]!, m22: w >= 2 ? m.crossSquares[0]! : m.second[0]!.pow(2) };
  };
  const exact = [moments(layer)];
  for (let l = 0; l < c.depth; l++) {
    layer = pushForwardResidualLinear(layer, { weights: c.weights.atoms, alpha: c.alpha });
    exact.push(moments(layer));
  }
  let m = exact[0]!;
  const predicted = [m];
  for (let l = 0; l < c.depth; l++) {
    m = residualLinearStep(rationalField, m, { width: w, alphaSquared: c.alpha.pow(2), weightVariance: c.weights.exact.variance, weightKurtosis: c.weights.exact.kurtosis });
    predicted.push(m);
  }
  return { exact, predicted, w };
}

/** Real ReLU residual networks (tfjs), fixed branch scales; κ is compared at layers 0, L/2 and L. */
const RELU_CASES = [
  { variant: 'simple', alpha: 0.3, depth: 4, width: 12 },
  { variant: 'pre', alpha: 0.5, depth: 2, width: 12 },
] as const;
const RELU_SAMPLES = { quick: 60_000, full: 300_000 } as const;
const LINEAR_CASES = [{ width: 6, alpha: 0.5, depth: 3, weights: 'normal' }] as const;
const LINEAR_SAMPLES = { quick: 60_000, full: 300_000 } as const;

export const section7Residual: StatementSpec = {
  id: 'section-7-residual',
  title: 'Section 7: skip connections cannot stop the growth of kurtosis',
  statement: 'The addition of skip connections cannot stop the growth of kurtosis because kurtosis explodes even for networks without activation function.',
  corrected: {
    statement:
      'With a depth-independent branch scale α > 0, skip connections cannot stop the growth: for linear residual blocks y + αWy, κ_l → ∞ at the rate λ_max(M(α)) > 1 (exact), and on real ReLU residual networks (y + αWφ(y), pre-activation y + αW₂φ(W₁φ(y))) κ increases with depth over the depths Monte Carlo reaches. A zero-initialised branch (α = 0) keeps κ constant, and depth-scaled branches α = c/√L or c/L keep the output kurtosis of linear residual networks bounded for every depth: max(κ_L, u_L) ≤ e^{c²ρ} max(κ_0, u_0), ρ = max(3, (6+κ_w)/w + 9(w−1)/w).',
  },
  checks: [
    propertyCheck({
      id: 'section-7-residual/statement/cannot-stop-growth',
      role: 'statement',
      kind: 'exact',
      source: 'Section 7: "The addition of skip connections cannot stop the growth of kurtosis"',
      description:
        'Linear residual networks y + αWy (He, gain 1) of width 1–8, κ_w ≥ 1, any valid input, over every branch scale of src/network (fixed α ∈ [0, 1], 1/√L, 1/L, zero-initialised): the output kurtosis grows without bound as the depth grows, decided exactly (λ_max(M(α)) > 1 for fixed α > 0; κ_L = κ_0 for α = 0; the bound (1 + α²ρ)^L max(κ_0, u_0) ≤ e^ρ max(κ_0, u_0) for depth-scaled α, checked at L = 1…48).',
      arbitrary: claimArb,
      predicate: growsWithoutBound,
      examples: [
        { width: 4, kw: q(3), input: { kappa0: q(3), u0: one }, scale: { kind: 'fixed', alpha: 0.5 } },
        { width: 4, kw: q(3), input: { kappa0: q(3), u0: one }, scale: { kind: 'zero' } },
      ],
      explain: (c) => {
        const rows = [1, 4, 16, 48].map((L) => {
          const out = outputOf(L, alphaSquaredOf(c.scale, L), c.width, c.kw, c.input);
          return `L = ${L}: κ_L = ${out.kappa.valueOf().toPrecision(6)}`;
        });
        return `branch scale ${branchScaleLabel(c.scale)}, width ${c.width}, κ_w = ${qToString(c.kw)}, κ_0 = ${qToString(c.input.kappa0)}, u_0 = ${qToString(c.input.u0)}: ${rows.join('; ')} — bounded in L`;
      },
    }),
    propertyCheck({
      id: 'section-7-residual/step/linear-residual-recursion-exact',
      role: 'step',
      kind: 'exact',
      source: "the suite's linear residual recursion (residualLinearStep)",
      description:
        'Tiny linear residual networks y + αRy (width 1–2; input i.i.d. discrete symmetric or ANY generated uncorrelated symmetric pair; discrete symmetric weights of any variance; rational α ∈ [0, 1]; 1–2 blocks), every weight configuration enumerated in rational arithmetic: E[y²], E[y⁴] and E[y_i²y_j²] of every block equal the recursion exactly.',
      arbitrary: tinyArb,
      predicate: (c) => {
        const { exact, predicted, w } = tinyLayers(c);
        return exact.every((e, l) => e.m2.equals(predicted[l]!.m2) && e.m4.equals(predicted[l]!.m4) && (w < 2 || e.m22.equals(predicted[l]!.m22)));
      },
      explain: (c) => {
        const { exact, predicted } = tinyLayers(c);
        const input = c.input.kind === 'iid' ? `i.i.d. ${describeDiscrete(c.input.x)} ×${c.input.width}` : describeJoint(c.input.pair);
        return `input ${input}, weights ${describeDiscrete(c.weights)}, α = ${qToString(c.alpha)}; ${exact.map((e, l) => `block ${l}: exact E[y⁴] = ${qToString(e.m4)}, recursion ${qToString(predicted[l]!.m4)}`).join('; ')}`;
      },
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'section-7-residual/step/entrywise-domination',
      role: 'step',
      kind: 'exact',
      source: 'bound for depth-scaled branches: 0 ≤ M(α) ≤ I + α²P entry-wise for 0 < α ≤ 1',
      description: 'For width 1–64, κ_w ≥ 1 and rational α ∈ (0, 1]: every entry of M(α) is ≥ 0 and ≤ the entry of I + α²P, P = [[(6+κ_w)/w, 9(w−1)/w], [3/w, 3(w−1)/w]] (so ‖M(α)^L‖_∞ ≤ (1 + α²ρ)^L).',
      arbitrary: fc.record({ width: fc.integer({ min: 1, max: 64 }), kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }), alpha: alphaArb.filter((a) => a.compare(0) > 0) }),
      predicate: ({ width: w, kw, alpha }) => {
        const a2 = alpha.pow(2);
        const M = residualMatrix(a2, w, kw);
        const P = [
          [q(6).add(kw).div(w), q(9 * (w - 1), w)],
          [q(3, w), q(3 * (w - 1), w)],
        ];
        return M.every((row, i) => row.every((m, j) => m.compare(0) >= 0 && m.compare((i === j ? one : zero).add(a2.mul(P[i]![j]!))) <= 0));
      },
    }),
    propertyCheck({
      id: 'section-7-residual/corrected/fixed-scale-explodes',
      role: 'corrected',
      kind: 'exact',
      source: 'corrected: a depth-independent α > 0',
      description: 'Linear residual networks, width 1–16, κ_w ≥ 1, fixed rational α ∈ (0, 1]: λ_max(M(α)) > 1 (κ_l → ∞ geometrically), and from i.i.d. inputs with κ_0 ≤ 3 (u_0 = 1; normal, uniform, Rademacher, …) κ_l increases strictly at every block l = 1…24. (From heavier-tailed inputs the first blocks can lower κ: width 3, κ_w = 1, α = 1, κ_0 = 9 gives κ_1 < 9; the limit is still ∞.)',
      arbitrary: fc.record({ width: fc.integer({ min: 1, max: 16 }), kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }), alpha: alphaArb.filter((a) => a.compare(0) > 0), kappa0: rationalKurtosisArbitrary({ maxNumerator: 30, maxDenominator: 10 }).filter((k) => k.compare(3) <= 0) }),
      predicate: ({ width: w, kw, alpha, kappa0 }) => {
        if (!lambdaMaxAboveOne(residualMatrix(alpha.pow(2), w, kw))) return false;
        const layers = propagateResidualLinear(rationalField, { width: w, depth: 24, alphaSquared: alpha.pow(2), weightVariance: q(1, w), weightKurtosis: kw, input: { m2: one, m4: kappa0, m22: one } });
        return layers.every((l, i) => i === 0 || l.kappa.compare(layers[i - 1]!.kappa) > 0);
      },
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'section-7-residual/corrected/depth-scaled-bounded',
      role: 'corrected',
      kind: 'exact',
      source: 'corrected: α = c/√L and α = c/L keep the output kurtosis bounded',
      description:
        'Linear residual networks, width 1–8, κ_w ≥ 1, any valid input, c² ∈ (0, 1] rational, depths L = 1…40: with α² = c²/L, max(κ_L, u_L) ≤ (1 + c²ρ/L)^L max(κ_0, u_0) (≤ e^{c²ρ} max(κ_0, u_0) for all L); with α = c/L the bound is (1 + c²ρ/L²)^L (→ max(κ_0, u_0)). Exact rational arithmetic.',
      arbitrary: fc.record({ width: fc.integer({ min: 1, max: 8 }), kw: rationalKurtosisArbitrary({ maxNumerator: 40, maxDenominator: 4 }), input: inputArb, c2: alphaArb.filter((a) => a.compare(0) > 0), L: fc.integer({ min: 1, max: 40 }) }),
      predicate: ({ width: w, kw, input, c2, L }) => {
        const rho = rhoOf(w, kw);
        const start = maxOf(input.kappa0, input.u0);
        return [c2.div(L), c2.div(L * L)].every((a2) => {
          const out = outputOf(L, a2, w, kw, input);
          return maxOf(out.kappa, out.u).compare(start.mul(one.add(a2.mul(rho)).pow(L))) <= 0;
        });
      },
      runsFactor: 0.2,
    }),
    monteCarloCheck<(typeof LINEAR_CASES)[number]>({
      id: 'section-7-residual/montecarlo/linear-residual-recursion',
      role: 'step',
      source: 'the linear residual recursion on real networks (tfjs)',
      description: 'Real tfjs linear residual networks y + αWy (α = 1/2, width 6, 3 blocks, He gain 1, normal weights, i.i.d. normal inputs): per block the variance (1 + α²)^l, κ_l and c_l against the exact recursion, with Proposition 3\'s tests and reach rules.',
      configurations: () => LINEAR_CASES,
      testsPerConfiguration: (c) => propagationTestCount(new Array<number>(c.depth + 1).fill(c.width)),
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = LINEAR_SAMPLES[ctx.tier];
        const widths = new Array<number>(c.depth + 1).fill(c.width);
        const r = architectureMonteCarlo({ widths, architecture: { kind: 'residual', scale: { kind: 'fixed', alpha: c.alpha }, variant: 'simple' }, activation: { name: 'identity' }, weights: distributionByName(c.weights), input: normal(), samples, seed, falseAlarm });
        return propagationRecords(r.layers!, { inputs: `linear residual y + αWy, α = ${c.alpha}, width ${c.width}, ${c.depth} blocks, weights ${c.weights} (gain 1), input i.i.d. normal`, samples, seed });
      },
    }),
    monteCarloCheck<(typeof RELU_CASES)[number]>({
      id: 'section-7-residual/montecarlo/relu-residual-grows',
      role: 'corrected',
      source: 'corrected, on real ReLU residual networks (tfjs)',
      description:
        'Real He-initialised ReLU residual tfjs networks (normal weights of variance 2/w, i.i.d. normal inputs): simple blocks y + αWφ(y) with α = 0.3 (4 blocks, width 12) and pre-activation blocks y + αW₂φ(W₁φ(y)) with α = 1/2 (2 blocks, width 12): κ_{L/2} > κ_0 and κ_L > κ_{L/2} shown (disjoint (1 − α/2) batch-means t intervals, false alarm ≤ α whatever the dependence; power stated against an increase of 10%; reach rules: power ≥ 0.8 and |batch skewness| ≤ 1). The post-activation variant is left out: its outputs are not zero-mean, and the suite\'s estimators are raw moments.',
      configurations: () => RELU_CASES,
      testsPerConfiguration: () => 2,
      run: (c, { seed, falseAlarm, ctx }) => {
        const samples = RELU_SAMPLES[ctx.tier];
        const widths = new Array<number>(c.depth + 1).fill(c.width);
        const r = architectureMonteCarlo({ widths, architecture: { kind: 'residual', scale: { kind: 'fixed', alpha: c.alpha }, variant: c.variant }, activation: { name: 'leaky-relu', slope: 0 }, weights: normal(), input: normal(), samples, seed, falseAlarm });
        const kappa = r.summaries.map((s) => s.kappa);
        const mid = c.depth / 2;
        const inputs = `ReLU residual (${c.variant}), α = ${c.alpha}, width ${c.width}, ${c.depth} blocks, weights normal (He), input i.i.d. normal`;
        return [
          [0, mid],
          [mid, c.depth],
        ].map(([a, b]) => ({ quantity: `κ_${b} > κ_${a}`, inputs, samples, seed, assertion: assertIncreaseWithPower({ before: kappa[a!]!, after: kappa[b!]!, falseAlarm, maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness }) }));
      },
    }),
  ],
};
