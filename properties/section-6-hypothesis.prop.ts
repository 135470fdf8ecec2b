/**
 * Section 6's hypothesis. "Problems with empirical variance concern all fully random
 * initialization methods that initialize weight matrices with off-diagonal entries, because this
 * induces increased dependence of outputs. If the theoretical variance is kept constant or
 * decreases, the empirical variance vanishes, otherwise it explodes."
 *
 * Objects (Figure 2's measurement): a constant-width network of the authors' form (first Linear on
 * the raw input, φ_a between Linears, no biases; φ_a(x) = x for x ≥ 0, ax for x < 0, the suite's
 * leaky ReLU for every real a), ONE fixed data set of n inputs shared by all networks, and S_l² —
 * the unbiased empirical variance of unit 0 of layer l over the n inputs — read across networks.
 * Widths ≥ 2 only: a width-1 matrix has no off-diagonal entries, so the hypothesis does not speak of it.
 *
 * Theoretical variance per layer (src/theory/initialiserVarianceFactor.ts, exact): E[z'²] = f·E[z²]
 * with f = fan_in·Var(w)·(1 + a²)/2 for i.i.d. weights (E[φ_a(z)²] = (1 + a²)/2·E[z²] for symmetric
 * z, verified exactly below): He (any law) f = 1; Glorot, LeCun f = (1 + a²)/2; orthogonal with the
 * registry's gain √(2/(1 + a²)) f = 1; GSM, W = [[M, −M], [−M, M]], f = (1 + a)² (a layer's output
 * is (z, −z) and φ_a(z) − φ_a(−z) = (1 + a)z, so z' = (1 + a)Mz exactly). Branch: f ≤ 1
 * "constant or decreasing", f > 1 "increasing".
 *
 * Operational definitions (pre-registered). Depths L₁ < L₂ (quick: 2 and 22; full: 2 and 32). Per
 * network, "down" ⟺ S²_{L₂} < S²_{L₁} or S²_{L₂} = 0; "up" ⟺ S²_{L₂} > S²_{L₁}. The empirical
 * variance *vanishes* in a configuration when P(down) > 1/2 is shown, *explodes* when P(up) > 1/2
 * is shown — exact two-sided sign tests (src/stats/signTrendTest.ts), each configuration at
 * α = 10⁻⁶ / (number of configurations) (Bonferroni within each Monte Carlo check; the three
 * Monte Carlo checks read the same networks, so the statement's family has false-alarm probability
 * ≤ 3·10⁻⁶, its own budget, not drawn from the run's), power stated at P = 0.8. The predicted direction
 * is 'consistent' when shown, 'rejected' when its opposite (P < 1/2) is shown, else out of reach.
 * Why a median trend: log S_L² behaves as a random walk with drift δ (Furstenberg–Kesten), so
 * S_L² → 0 a.s. iff δ < 0 and P(down) > 1/2 over a long window iff the walk's median goes down.
 *
 * Exact arguments (src/theory/empiricalVarianceDrift.ts):
 * - orthogonal at a = 1 (f = 1): row 0 of a product of orthogonal matrices has norm 1, so
 *   S_L² = rᵀCr ∈ [λ_min(C), λ_max(C)] for every network and depth (C the data's covariance) —
 *   on the isotropic data set {±e_j} S_L² = 2/(2w − 1) exactly: it neither vanishes nor explodes.
 * - GSM at slope a: a linear Gaussian network of width w/2 scaled by (1 + a) per layer: by
 *   rotational invariance log S_L² = Σ_l [2 log|1 + a| + log((2/w)χ²_{w/2,l})] + O(1), so
 *   δ = 2 log|1 + a| + log(2/w) + E log χ²_{w/2}: it vanishes a.s. for 1 < (1 + a)² <
 *   (w/2)·e^{−E log χ²_{w/2}} although the theoretical variance grows (w = 4, a = 1/5: f = 36/25,
 *   δ = 2 log(6/5) − γ = −0.213).
 * - δ ≤ log f always (Jensen), so f < 1 ⇒ E[S_L²] ≤ n/(n−1)·f^{L−1}·max_t E[y_1(x_t)²] → 0 (Markov).
 * - where δ has a closed form the law is exact at every depth: E[log(S²_{L₂}/S²_{L₁})] = (L₂ − L₁)·δ
 *   (the direction term log(uᵀCu) has the same law at every depth) — tested on the real networks.
 *
 * Finding: refuted — both halves. "Constant ⇒ vanishes" fails for norm-preserving layers
 * (orthogonal, a = 1: exact); "increasing ⇒ explodes" fails for GSM at small positive slopes (exact
 * law, and on real networks). MetaInit is not included (its per-network optimisation is not
 * affordable in the quick tier, and the full tier does not add it either).
 */
import { Fraction } from 'fraction.js';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { rationalField } from '../src/algebra/field.ts';
import { qToString } from '../src/algebra/rational.ts';
import { discreteSymmetricDistributionArbitrary } from '../src/arbitraries/discreteSymmetricDistributionArbitrary.ts';
import { rationalSlopeArbitrary } from '../src/arbitraries/rationalSlopeArbitrary.ts';
import { normal } from '../src/distributions/normal.ts';
import { rademacher } from '../src/distributions/rademacher.ts';
import { uniform } from '../src/distributions/uniform.ts';
import { describeDiscrete } from '../src/exact/describe.ts';
import { entryMoments } from '../src/exact/entryMoments.ts';
import { iidVector } from '../src/exact/iidVector.ts';
import { pushForwardLayer } from '../src/exact/pushForwardLayer.ts';
import { fixedDataEmpiricalVariance } from '../src/montecarlo/fixedData/fixedDataEmpiricalVariance.ts';
import { assertEstimateConsistent } from '../src/stats/assertEstimateConsistent.ts';
import { signTrendTest, type SignTrendRecord } from '../src/stats/signTrendTest.ts';
import { empiricalVarianceDrift } from '../src/theory/empiricalVarianceDrift.ts';
import { initialiserVarianceFactor, RANDOM_INITIALISER_NAMES, varianceBranch, type RandomInitialiserName } from '../src/theory/initialiserVarianceFactor.ts';
import { leakyRelu } from '../src/theory/leakyRelu.ts';
import { logChiSquareMean } from '../src/theory/logChiSquareMean.ts';
import { exactCheck } from '../src/verify/exactCheck.ts';
import { propertyCheck } from '../src/verify/propertyCheck.ts';
import { deriveSeed } from '../src/verify/seed.ts';
import type { Check, CheckContext, CheckResult, CheckRole, MonteCarloTestRecord } from '../src/verify/types.ts';
import type { StatementSpec } from '../src/verify/types.ts';

const q = (n: number, d = 1) => new Fraction(n, d);

/** Slopes of every kind the framework admits: < 0 (−2, −1, −1/2), 0, in (0, 1) (1/5, 1/2), 1, > 1 (2). */
export const HYPOTHESIS_SLOPES: readonly Fraction[] = [q(-2), q(-1), q(-1, 2), q(0), q(1, 5), q(1, 2), q(1), q(2)];
/** The grid per tier: widths (≥ 2: off-diagonal entries), networks, data-set size n, depths L₁ < L₂. */
export const HYPOTHESIS_GRID = {
  quick: { widths: [2, 4], networks: 300, n: 16, depths: [2, 22] as const },
  full: { widths: [2, 4, 8], networks: 1000, n: 32, depths: [2, 32] as const },
} as const;
/** This statement's Monte Carlo family budget (each grid check), split over its configurations. */
export const HYPOTHESIS_FALSE_ALARM = 1e-6;
/** Power is stated against P(predicted direction) = 0.8. */
const POWER_AT = 0.8;

/** What a configuration is predicted to do. */
export type Outcome = 'vanishes' | 'explodes';
export interface Configuration {
  readonly initialiser: RandomInitialiserName;
  readonly slope: Fraction;
  readonly width: number;
}
/** Every (initialiser, slope, width) of the tier, in a fixed order. */
export function hypothesisConfigurations(tier: 'quick' | 'full'): Configuration[] {
  const out: Configuration[] = [];
  for (const initialiser of RANDOM_INITIALISER_NAMES) for (const slope of HYPOTHESIS_SLOPES) for (const width of HYPOTHESIS_GRID[tier].widths) out.push({ initialiser, slope, width });
  return out;
}
/** The hypothesis as written: f ≤ 1 → vanishes, f > 1 → explodes. */
export function predictAsWritten(c: Configuration): Outcome {
  return varianceBranch(initialiserVarianceFactor(c.initialiser, c.slope, c.width)) === 'increasing' ? 'explodes' : 'vanishes';
}
/**
 * The corrected rule: the drift δ's sign where it has a closed form (null when δ = 0: neither, not
 * tested here — see the exact check); elsewhere f ≤ 1 → vanishes, f > 1 → explodes.
 */
export function predictCorrected(c: Configuration): Outcome | null {
  const delta = empiricalVarianceDrift(c.initialiser, c.slope.valueOf(), c.width);
  if (delta !== null) return delta < 0 ? 'vanishes' : delta > 0 ? 'explodes' : null;
  return predictAsWritten(c);
}

/** Per network: down ⟺ S²_{L₂} < S²_{L₁} or S²_{L₂} = 0; up ⟺ S²_{L₂} > S²_{L₁}. */
export function trendCounts(s2: readonly Float64Array[], depths: readonly [number, number]): { down: number; up: number; networks: number } {
  const a = s2[depths[0]]!;
  const b = s2[depths[1]]!;
  let down = 0;
  let up = 0;
  for (let i = 0; i < a.length; i++) {
    if (b[i]! < a[i]! || b[i] === 0) down++;
    else if (b[i]! > a[i]!) up++;
  }
  return { down, up, networks: a.length };
}
/** The sign test of a predicted outcome from the counts. */
export function trendDecision(counts: { down: number; up: number; networks: number }, predicted: Outcome, falseAlarm: number): SignTrendRecord {
  return signTrendTest({ towards: predicted === 'vanishes' ? counts.down : counts.up, total: counts.networks, falseAlarm, powerAt: POWER_AT });
}

/** The fixed data set: n i.i.d. standard normal inputs of dimension w, one per (seed, width), shared by every network. */
function fixedData(seed: number, n: number, width: number): number[][] {
  const rng = xoroshiro128plus(seed);
  const z = normal();
  return Array.from({ length: n }, () => Array.from({ length: width }, () => z.sample(rng)));
}
const describe = (c: Configuration) => `${c.initialiser}, a = ${qToString(c.slope)}, width ${c.width}`;

/** Seed of the statement's real-network runs: the same for both grid checks. */
const runSeed = (ctx: CheckContext) => deriveSeed(ctx.seed, 'section-6-hypothesis/runs');
const configurationKey = (c: Configuration) => `${c.initialiser} ${c.slope.toFraction()} ${c.width}`;
/**
 * What the networks are made of, as numbers: the first draws of the weight and data laws the
 * registry's initialisers use. Part of the cache key below, so that a changed law (e.g. the
 * perturbation meta-test's) is a cache miss and reruns the networks.
 */
function lawFingerprint(): string {
  return [normal(), uniform(), rademacher()].map((d) => d.sample(xoroshiro128plus(1))).join(',');
}
/** Per configuration: the trend counts and the mean, standard deviation and count of D = log(S²_{L₂}/S²_{L₁}) over networks (null when some S² is 0). */
interface ConfigurationRun {
  readonly counts: { down: number; up: number; networks: number };
  readonly logRatio: { mean: number; sd: number; n: number } | null;
}
const countsCache = new Map<string, ConfigurationRun>();
/**
 * The trend counts of one configuration: run once per (run seed, tier, configuration, laws) and
 * shared by both grid checks (the same networks, predicted two ways).
 */
function configurationRun(ctx: CheckContext, c: Configuration): ConfigurationRun {
  const seed = runSeed(ctx);
  const key = `${seed} ${ctx.tier} ${configurationKey(c)} ${lawFingerprint()}`;
  const cached = countsCache.get(key);
  if (cached !== undefined) return cached;
  const grid = HYPOTHESIS_GRID[ctx.tier];
  const s2 = fixedDataEmpiricalVariance({
    initialiser: c.initialiser,
    width: c.width,
    depth: grid.depths[1],
    slope: c.slope.valueOf(),
    networks: grid.networks,
    data: fixedData(deriveSeed(seed, `data ${c.width}`), grid.n, c.width),
    seed: deriveSeed(seed, `configuration ${configurationKey(c)}`),
  });
  const counts = trendCounts(s2, grid.depths);
  const d = Array.from(s2[grid.depths[1]]!, (v, i) => Math.log(v / s2[grid.depths[0]]![i]!));
  let logRatio: ConfigurationRun['logRatio'] = null;
  if (d.every(Number.isFinite)) {
    const mean = d.reduce((a, b) => a + b, 0) / d.length;
    logRatio = { mean, sd: Math.sqrt(d.reduce((a, b) => a + (b - mean) ** 2, 0) / (d.length - 1)), n: d.length };
  }
  const run = { counts, logRatio };
  countsCache.set(key, run);
  return run;
}

/** Configurations whose drift has a finite closed form at width ≥ 2 (GSM at a ≠ −1; i.i.d. normal and orthogonal at a = 1). */
export function driftConfigurations(tier: 'quick' | 'full'): Configuration[] {
  return hypothesisConfigurations(tier).filter((c) => {
    const delta = empiricalVarianceDrift(c.initialiser, c.slope.valueOf(), c.width);
    return delta !== null && Number.isFinite(delta);
  });
}
/** The power of the drift test refers to an error of 1/4 per layer in δ. */
const DRIFT_DEVIATION_PER_LAYER = 0.25;

/**
 * Where δ has a closed form the law is exact at every depth, not only in the limit:
 * log S_L² = Σ_l log(per-layer factor) + log(uᵀCu) with u a uniform direction at every depth, so
 * E[log(S²_{L₂}/S²_{L₁})] = (L₂ − L₁)·δ exactly. Tested on the grid's real networks (t test of the
 * mean over networks, df = networks − 1).
 */
function driftCheck(): Check {
  const id = 'section-6-hypothesis/corrected/drift-real-networks';
  const role: CheckRole = 'corrected';
  const source = 'the exact law of log S_L² where δ has a closed form';
  const description =
    'GSM at every grid slope but −1, and i.i.d. normal (He, Glorot, LeCun) and orthogonal networks at a = 1, widths of the grid: the mean over networks of log(S²_{L₂}/S²_{L₁}) equals (L₂ − L₁)·δ exactly (rotational invariance: the row of the weight product has independent χ² norm factors and a uniform direction at every depth); two-sided t test, false alarm 10⁻⁶ split over the configurations, power stated against an error of 1/4 per layer in δ.';
  return {
    id,
    role,
    kind: 'montecarlo',
    source,
    description,
    run(ctx: CheckContext): CheckResult {
      const seed = runSeed(ctx);
      const grid = HYPOTHESIS_GRID[ctx.tier];
      const span = grid.depths[1] - grid.depths[0];
      const configs = driftConfigurations(ctx.tier);
      const falseAlarm = HYPOTHESIS_FALSE_ALARM / configs.length;
      const tests: MonteCarloTestRecord[] = configs.map((c) => {
        const { logRatio } = configurationRun(ctx, c);
        const delta = empiricalVarianceDrift(c.initialiser, c.slope.valueOf(), c.width)!;
        return {
          quantity: `E[log(S²_${grid.depths[1]}/S²_${grid.depths[0]})] = ${span}·δ`,
          inputs: `${describe(c)}; fixed data set of ${grid.n} i.i.d. normal inputs`,
          samples: grid.networks,
          seed,
          assertion: assertEstimateConsistent({
            estimate: logRatio?.mean ?? null,
            stderr: logRatio === null ? null : logRatio.sd / Math.sqrt(logRatio.n),
            df: logRatio === null ? null : logRatio.n - 1,
            theory: span * delta,
            falseAlarm,
            absoluteDeviation: DRIFT_DEVIATION_PER_LAYER * span,
          }),
        };
      });
      const rejected = tests.filter((t) => t.assertion.decision === 'rejected');
      const consistent = tests.filter((t) => t.assertion.decision === 'consistent').length;
      const evidence = `${tests.length} tests: ${consistent} consistent, ${rejected.length} rejected, ${tests.length - consistent - rejected.length} out of reach; each at false-alarm probability ${falseAlarm.toExponential(3)}`;
      const base = { id, role, kind: 'montecarlo' as const, source, description, seed, cases: tests.length, evidence, tests };
      if (rejected.length > 0) {
        const r = rejected[0]!;
        const a = r.assertion as { estimate: number; theory: number; stderr: number };
        return { ...base, verdict: 'refuted', counterexample: `${r.quantity} — ${r.inputs}: estimate ${a.estimate} ± ${a.stderr}, theory ${a.theory}` };
      }
      return { ...base, verdict: consistent > 0 ? 'supported' : 'inconclusive' };
    },
  };
}

/** A grid check on real networks: each configuration's sign test against `predict`. */
function gridCheck(options: { id: string; role: CheckRole; source: string; description: string; predict: (c: Configuration) => Outcome | null }): Check {
  const { id, role, source, description } = options;
  return {
    id,
    role,
    kind: 'montecarlo',
    source,
    description,
    run(ctx: CheckContext): CheckResult {
      const seed = runSeed(ctx);
      const grid = HYPOTHESIS_GRID[ctx.tier];
      const configs = hypothesisConfigurations(ctx.tier).filter((c) => options.predict(c) !== null);
      const falseAlarm = HYPOTHESIS_FALSE_ALARM / configs.length;
      const lines: string[] = [];
      let consistent = 0;
      let rejected = 0;
      let firstRejected: string | undefined;
      let power = 1;
      configs.forEach((c) => {
        const predicted = options.predict(c)!;
        const { counts } = configurationRun(ctx, c);
        const r = trendDecision(counts, predicted, falseAlarm);
        power = Math.min(power, r.power);
        const f = initialiserVarianceFactor(c.initialiser, c.slope, c.width);
        const line = `${describe(c)} (f = ${qToString(f)}): predicted ${predicted}, down ${counts.down}, up ${counts.up} of ${counts.networks} → ${r.decision}`;
        lines.push(line);
        if (r.decision === 'consistent') consistent++;
        if (r.decision === 'rejected') rejected++;
        if (r.decision === 'rejected' && firstRejected === undefined) firstRejected = `${line} (${r.reason}; runs seed ${seed}, configuration ${configurationKey(c)})`;
      });
      const evidence =
        `${configs.length} configurations × ${grid.networks} networks, fixed data set of n = ${grid.n} i.i.d. normal inputs, depths ${grid.depths[0]} → ${grid.depths[1]}: ` +
        `${consistent} consistent, ${rejected} rejected, ${configs.length - consistent - rejected} out of reach; each sign test at false-alarm probability ${falseAlarm.toExponential(3)} ` +
        `(family ${HYPOTHESIS_FALSE_ALARM}), power ≥ 1 − ${(1 - power).toExponential(2)} at P = ${POWER_AT}. ${lines.join(' | ')}`;
      const base = { id, role, kind: 'montecarlo' as const, source, description, seed, cases: configs.length, evidence };
      if (firstRejected !== undefined) return { ...base, verdict: 'refuted', counterexample: firstRejected };
      return { ...base, verdict: consistent > 0 ? 'supported' : 'inconclusive' };
    },
  };
}

/** Isotropic data {±e_j}: 2w inputs of dimension w, covariance 2/(2w − 1)·I. */
export function isotropicData(width: number): number[][] {
  const out: number[][] = [];
  for (let j = 0; j < width; j++) for (const s of [1, -1]) out.push(Array.from({ length: width }, (_, k) => (k === j ? s : 0)));
  return out;
}
/** Float32 orthogonal products accumulate ≈ L·2⁻²⁴ relative error per entry; 30 layers stay far below 1e-4. */
const ORTHOGONAL_RELATIVE_TOLERANCE = 1e-4;

/** The GSM threshold of the theoretical variance factor above which S² explodes (δ > 0). */
export const gsmThreshold = (w: number): number => (w / 2) * Math.exp(-logChiSquareMean(w / 2));

/** GSM configurations with increasing theoretical variance (f = (1 + a)² > 1): even widths 2–20, a > 0 or a < −2. */
const gsmIncreasingArb = fc
  .record({ half: fc.integer({ min: 1, max: 10 }), slope: rationalSlopeArbitrary() })
  .filter((c) => q(1).add(c.slope).pow(2).compare(1) > 0)
  .map((c) => ({ width: 2 * c.half, slope: c.slope }));

export const section6Hypothesis: StatementSpec = {
  id: 'section-6-hypothesis',
  title: "Section 6's hypothesis: constant or decreasing theoretical variance → vanishing empirical variance, increasing → exploding",
  statement:
    'Problems with empirical variance concern all fully random initialization methods that initialize weight matrices with off-diagonal entries, because this induces increased dependence of outputs. If the theoretical variance is kept constant or decreases, the empirical variance vanishes, otherwise it explodes.',
  corrected: {
    statement:
      "The empirical variance S_L² of one unit over a fixed data set follows its drift δ = lim (1/L) log S_L²: it vanishes when δ < 0 and explodes when δ > 0, and δ ≤ log f (f the theoretical variance factor per layer). So a decreasing theoretical variance (f < 1) makes it vanish (E[S_L²] ≤ C f^L); a constant one (f = 1) makes it vanish except for exactly norm-preserving layers (orthogonal at a = 1: S_L² stays in [λ_min(C), λ_max(C)] at every depth); and an increasing one (f > 1) makes it explode only when f exceeds a threshold above 1 — for GSM exactly when (1 + a)² > (w/2)·exp(−E log χ²_{w/2}) (w = 4: e^γ = 1.781; w = 10: 1.2375); below it S² vanishes although the theoretical variance grows.",
  },
  checks: [
    gridCheck({
      id: 'section-6-hypothesis/statement/real-networks',
      role: 'statement',
      source: 'Section 6 (opening): the hypothesis; Figure 2\'s measurement',
      description:
        'Every random initialiser of the suite (He normal/uniform/Bernoulli, Glorot, LeCun, orthogonal, GSM; MetaInit not included) × slopes −2, −1, −1/2, 0, 1/5, 1/2, 1, 2 × widths ≥ 2 (quick 2, 4; full 2, 4, 8), real tfjs networks on one fixed data set: the branch of the exact theoretical variance factor f (≤ 1: vanishes, > 1: explodes) against the measured trend of S² of unit 0 between two depths (sign test per configuration, see the file header).',
      predict: predictAsWritten,
    }),
    exactCheck({
      id: 'section-6-hypothesis/statement/orthogonal-linear',
      role: 'statement',
      source: 'Section 6: "if the theoretical variance is kept constant … the empirical variance vanishes"',
      description:
        'Orthogonal initialisation at a = 1 (gain 1): f = 1 exactly (constant branch), yet on the isotropic data set {±e_1, ±e_2} (C = (2/3)I) every network has S_L² = (2/3)·‖row 0 of Q_L⋯Q_1‖² = 2/3 at every depth L — it does not vanish.',
      evaluate: () => {
        const f = initialiserVarianceFactor('orthogonal', q(1), 2);
        const data = isotropicData(2).map((x) => x.map((v) => q(v)));
        const n = data.length;
        // C_jk = Σ_t x_tj x_tk/(n − 1) (the data have mean 0): the exact covariance.
        const C = [0, 1].map((j) => [0, 1].map((k) => data.reduce((s, x) => s.add(x[j]!.mul(x[k]!)), q(0)).div(n - 1)));
        const isotropic = C[0]![1]!.equals(0) && C[1]![0]!.equals(0) && C[0]![0]!.equals(C[1]![1]!);
        const vanishes = !(isotropic && C[0]![0]!.compare(0) > 0);
        return {
          holds: varianceBranch(f) === 'constant-or-decreasing' && vanishes,
          evidence: `orthogonal, a = 1, width 2: f = ${qToString(f)} (constant branch, predicted: vanishes); data {±e_1, ±e_2}: C = ${qToString(C[0]![0]!)}·I, so S_L² = ${qToString(C[0]![0]!)}·‖r_L‖² = ${qToString(C[0]![0]!)} for every network and depth (‖r_L‖ = 1: rows of orthogonal products are unit vectors) — constant, neither vanishing nor exploding`,
        };
      },
    }),
    propertyCheck({
      id: 'section-6-hypothesis/statement/gsm-increasing-explodes',
      role: 'statement',
      kind: 'float',
      source: 'Section 6: "… otherwise it explodes"',
      description:
        'GSM at every even width 2–20 and every rational slope with increasing theoretical variance (f = (1 + a)² > 1): the exact drift δ = 2 log|1 + a| + log(2/w) + E log χ²_{w/2} of log S_L² (linear Gaussian network of width w/2 in law) must be > 0 for S² to explode.',
      arbitrary: gsmIncreasingArb,
      predicate: (c) => empiricalVarianceDrift('gsm', c.slope.valueOf(), c.width)! > 0,
      examples: [{ width: 4, slope: q(1, 5) }],
      explain: (c) =>
        `GSM, width ${c.width}, a = ${qToString(c.slope)}: f = ${qToString(initialiserVarianceFactor('gsm', c.slope, c.width))} > 1 (increasing), but δ = ${empiricalVarianceDrift('gsm', c.slope.valueOf(), c.width)!.toFixed(6)} < 0: S_L² → 0 almost surely`,
      tolerance: 'none needed: δ is a closed form in float64 (digamma at half-integers exactly by recurrence); the counterexamples have |δ| ≫ 1e-12',
    }),
    propertyCheck({
      id: 'section-6-hypothesis/step/second-moment-factor',
      role: 'step',
      kind: 'exact',
      source: 'Theoretical variance per layer: E[z\'²] = fan_in·E[w²]·(1 + a²)/2·E[z²]',
      description:
        'Tiny layers z = Rφ_a(x): input i.i.d. discrete symmetric entries of width 1–3, discrete symmetric weights, any rational slope; the exact law of z (every weight configuration enumerated) has E[z_1²] = w·E[R²]·(1 + a²)/2·E[x_1²] exactly — the i.i.d. initialisers\' factor f = fan_in·Var(w)·(1 + a²)/2.',
      arbitrary: fc
        .record({ x: discreteSymmetricDistributionArbitrary({ maxAtoms: 2 }), weights: discreteSymmetricDistributionArbitrary({ maxAtoms: 1 }), width: fc.integer({ min: 1, max: 3 }), slope: rationalSlopeArbitrary() })
        .filter((c) => c.x.atoms.length ** c.width * c.weights.atoms.length ** c.width <= 5000),
      predicate: (c) => {
        const input = iidVector(c.x, c.width);
        const out = pushForwardLayer(input, { weights: c.weights.atoms, widthOut: 1, slope: c.slope });
        const m2 = c.weights.atoms.reduce((s, a) => s.add(a.probability.mul(a.value.pow(2))), q(0));
        const factor = q(c.width).mul(m2).mul(q(1).add(c.slope.pow(2))).div(2);
        return entryMoments(out).second[0]!.equals(factor.mul(entryMoments(input).second[0]!));
      },
      explain: (c) => `x ∼ ${describeDiscrete(c.x)} ×${c.width}, weights ${describeDiscrete(c.weights)}, a = ${qToString(c.slope)}`,
      runsFactor: 0.3,
    }),
    propertyCheck({
      id: 'section-6-hypothesis/step/gsm-difference-linear',
      role: 'step',
      kind: 'exact',
      source: 'GSM: W = [[M, −M], [−M, M]] maps (z, −z) to ((1 + a)Mz, −(1 + a)Mz)',
      description: 'φ_a(z) − φ_a(−z) = (1 + a)·z for every rational z and slope a (exact), so a GSM network is, in its first half, the linear network z\' = (1 + a)Mz.',
      arbitrary: fc.record({ z: rationalSlopeArbitrary(), slope: rationalSlopeArbitrary() }),
      predicate: ({ z, slope }) => leakyRelu(rationalField, z, slope).sub(leakyRelu(rationalField, z.neg(), slope)).equals(q(1).add(slope).mul(z)),
    }),
    propertyCheck({
      id: 'section-6-hypothesis/step/orthogonal-linear-real-networks',
      role: 'step',
      kind: 'float',
      source: 'Orthogonal, a = 1: S_L² = rᵀCr with ‖r‖ = 1',
      description:
        'Real tfjs networks with the registry\'s orthogonal initialiser at a = 1 (gain 1), widths 2–8, depths 1–30, on the isotropic data set {±e_j}: S_l² of unit 0 equals f^l·2/(2w − 1) = 2/(2w − 1) (f = 1, the exact factor) at every layer, to float32 precision (relative 1e-4).',
      arbitrary: fc.record({ width: fc.integer({ min: 2, max: 8 }), depth: fc.integer({ min: 1, max: 30 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
      predicate: (c) => {
        const s2 = fixedDataEmpiricalVariance({ initialiser: 'orthogonal', width: c.width, depth: c.depth, slope: 1, networks: 4, data: isotropicData(c.width), seed: c.seed });
        // a = 1: the network is linear, each layer multiplies row 0's squared norm by g² = f, so S_l² = f^l·2/(2w − 1).
        const f = initialiserVarianceFactor('orthogonal', q(1), c.width).valueOf();
        return s2.every((layer, l) => layer.every((v) => Math.abs(v - f ** l * (2 / (2 * c.width - 1))) <= ORTHOGONAL_RELATIVE_TOLERANCE * f ** l * (2 / (2 * c.width - 1))));
      },
      tolerance: `relative ${ORTHOGONAL_RELATIVE_TOLERANCE}: float32 weights and products, ≈ L·2⁻²⁴ per layer over ≤ 30 layers`,
      runsFactor: 0.2,
    }),
    propertyCheck({
      id: 'section-6-hypothesis/step/width-1-norm-preserving',
      role: 'step',
      kind: 'float',
      source: 'The boundary the hypothesis leaves out (width 1: no off-diagonal entries): δ = 0 exactly',
      description:
        'Real width-1 tfjs networks with He-Bernoulli weights (±1 exactly) at a = ±1, depths 2–30, generated data sets: where the exact drift is δ = 0 the unit is y_l = ±x (a = 1) or ±|x| (a = −1, from layer 2 on), so S_l² is the same at every layer l ≥ 2, bit for bit in float32.',
      arbitrary: fc.record({ slope: fc.constantFrom(1, -1), depth: fc.integer({ min: 2, max: 30 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), data: fc.array(fc.integer({ min: -64, max: 64 }), { minLength: 2, maxLength: 12 }) }),
      predicate: (c) => {
        if (empiricalVarianceDrift('he-bernoulli', c.slope, 1) !== 0) return false;
        const s2 = fixedDataEmpiricalVariance({ initialiser: 'he-bernoulli', width: 1, depth: c.depth, slope: c.slope, networks: 4, data: c.data.map((v) => [v / 8]), seed: c.seed });
        return s2.slice(2).every((layer) => layer.every((v, i) => v === s2[2]![i]));
      },
      tolerance: 'none: ±1 weights and |·| are exact in float32',
      runsFactor: 0.2,
    }),
    propertyCheck({
      id: 'section-6-hypothesis/corrected/drift-below-log-factor',
      role: 'corrected',
      kind: 'float',
      source: 'Jensen: E log S_L² ≤ log E S_L² = L log f + O(1)',
      description:
        'Every (initialiser, rational slope, width 1–20) where δ has a closed form: δ ≤ log f, with equality only for the norm-preserving cases (orthogonal at a = 1; width 1 with |w| constant at |a| = 1); so f ≤ 1 ⇒ δ ≤ 0 and explosion needs f > 1 strictly.',
      arbitrary: fc.record({ initialiser: fc.constantFrom(...RANDOM_INITIALISER_NAMES), slope: rationalSlopeArbitrary(), width: fc.integer({ min: 1, max: 20 }) }).map((c) => (c.initialiser === 'gsm' && c.width % 2 === 1 ? { ...c, width: c.width + 1 } : c)),
      predicate: (c) => {
        const delta = empiricalVarianceDrift(c.initialiser, c.slope.valueOf(), c.width);
        if (delta === null) return true;
        const logF = Math.log(initialiserVarianceFactor(c.initialiser, c.slope, c.width).valueOf());
        const preserving = Math.abs(c.slope.valueOf()) === 1 && (c.width === 1 ? c.initialiser === 'orthogonal' || c.initialiser === 'he-bernoulli' : c.initialiser === 'orthogonal' && c.slope.valueOf() === 1);
        return preserving ? Math.abs(delta - logF) <= 1e-12 : delta < logF || delta === -Infinity;
      },
      explain: (c) => `${c.initialiser}, a = ${qToString(c.slope)}, width ${c.width}: δ = ${String(empiricalVarianceDrift(c.initialiser, c.slope.valueOf(), c.width))}, log f = ${Math.log(initialiserVarianceFactor(c.initialiser, c.slope, c.width).valueOf())}`,
      tolerance: '1e-12 absolute on the equality cases (closed forms in float64)',
    }),
    propertyCheck({
      id: 'section-6-hypothesis/corrected/gsm-threshold',
      role: 'corrected',
      kind: 'float',
      source: 'GSM: explodes iff (1 + a)² > f*(w) = (w/2)·exp(−E log χ²_{w/2})',
      description: 'The GSM threshold f*(w) = (w/2)·exp(−E log χ²_{w/2}) is > 1 at every even width 2–1000 (Jensen, strict) and decreases in w (f*(4) = e^γ = 1.781, f*(10) = 1.2375): increasing theoretical variance with 1 < f < f*(w) vanishes.',
      arbitrary: fc.integer({ min: 1, max: 500 }).map((half) => 2 * half),
      predicate: (w) => gsmThreshold(w) > 1 && (w === 2 || gsmThreshold(w) < gsmThreshold(w - 2)),
      explain: (w) => `w = ${w}: f*(w) = ${gsmThreshold(w)}, f*(w − 2) = ${w > 2 ? gsmThreshold(w - 2) : 'n/a'}`,
      tolerance: 'none: strict float64 comparisons of closed forms, margins ≫ 1e-12 (f*(1000) − 1 ≈ 1e-3)',
    }),
    driftCheck(),
    gridCheck({
      id: 'section-6-hypothesis/corrected/real-networks',
      role: 'corrected',
      source: 'the corrected rule on real networks',
      description:
        'The same grid of real networks, predicted by the corrected rule: the sign of the exact drift δ where it has a closed form (GSM; i.i.d. normal and orthogonal at a = 1), f ≤ 1 → vanishes and f > 1 → explodes elsewhere; δ = 0 (orthogonal, a = 1) is left to the exact check.',
      predict: predictCorrected,
    }),
  ],
};
