import type { SymmetricDistribution } from '../../distributions/types.ts';
import { sampleLayerOutputs } from '../../network/sampleLayerOutputs.ts';
import { assertEstimateConsistent } from '../../stats/assertEstimateConsistent.ts';
import type { ConsistencyDecision, ConsistencyRecord } from '../../stats/types.ts';
import { createLayerMomentAccumulator } from '../createLayerMomentAccumulator.ts';
import type { LayerMomentSummary } from '../types.ts';
import { propagationTheory, type LayerTheory } from './propagationTheory.ts';
import type { InputVectorLaw } from './scaleMixtureInput.ts';

/** Default design of the propagation Monte Carlo tests. */
export const PROPAGATION_DEFAULTS = Object.freeze({
  /** Batches of the batch-means standard errors (B − 1 = 63 t degrees of freedom). */
  batches: 64,
  /** The deviation the power is stated against: 5% of the theoretical value. */
  relativeDeviation: 0.05,
  /** Below this power against that deviation a test is out of reach. */
  minPower: 0.8,
  /**
   * Largest |skewness| of the 64 batch estimates at which their t statistic is trusted: ≈ 3.3 sd of
   * the skewness of 64 normal values (sd ≈ 0.30), so a sound test is declared out of reach with
   * probability ≈ 1e-3, while the right-skewed batch kurtoses of heavy-tailed deep layers are caught.
   */
  maxBatchSkewness: 1,
});

/** Options of {@link propagationMonteCarlo}. */
export interface PropagationMonteCarloOptions {
  /** (w_0, …, w_d): input width then each layer's width, d ≥ 1. */
  readonly widths: readonly number[];
  readonly slope: number;
  /** Weight law (He-rescaled); its kurtosis is Proposition 3's κ_w. */
  readonly weights: SymmetricDistribution;
  /** Law of the input's i.i.d. entries: κ_0 = its kurtosis, c_0 = 0, σ² = its variance. */
  readonly input: SymmetricDistribution;
  /** A whole-vector input law instead (e.g. `scaleMixtureInput`, c_0 ≠ 0); overrides `input`. */
  readonly inputVector?: InputVectorLaw;
  /** Number of independent (network, input) draws n. */
  readonly samples: number;
  /** Seed of the sample stream (32-bit integer). */
  readonly seed: number;
  /** False-alarm probability of EACH test (the caller splits its budget, see `propagationTestCount`). */
  readonly falseAlarm: number;
  readonly relativeDeviation?: number;
  readonly minPower?: number;
  readonly batches?: number;
  readonly maxBatchSkewness?: number;
  /**
   * The values tested against; default Proposition 3's (`propagationTheory`). Used to show that
   * the tests have teeth: a recursion with a coefficient off by 5% must be rejected.
   */
  readonly theory?: readonly LayerTheory[];
  /** Draws per batched forward pass (default 4096). */
  readonly chunk?: number;
  /** The sampler's fast path (`sampleLayerOutputs`' `fast`: normal draws by two-branch Box–Muller, products in JavaScript); default false. */
  readonly fast?: boolean;
  /** Called after every chunk with the number of draws done. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LayerTests {
  /** 0 is the input. */
  readonly layer: number;
  readonly width: number;
  readonly variance: ConsistencyRecord;
  readonly kappa: ConsistencyRecord;
  /** null when the layer has width 1 (no pair i ≠ j). */
  readonly c: ConsistencyRecord | null;
  /** 'rejected' if any test rejects, else 'out-of-reach' if any is, else 'consistent'. */
  readonly decision: ConsistencyDecision;
}

export interface PropagationMonteCarloResult {
  readonly samples: number;
  readonly seed: number;
  readonly falseAlarm: number;
  readonly theory: readonly LayerTheory[];
  readonly layers: readonly LayerTests[];
  /** The raw summaries (every estimator, including c/σ⁴ and the diagnostics). */
  readonly summaries: readonly LayerMomentSummary[];
}

/**
 * Number of tests {@link propagationMonteCarlo} makes for these widths: variance and κ at every
 * layer (input included), c wherever the width is ≥ 2.
 *
 * @example propagationTestCount([4, 4, 1]) // 8 = 3 + 3 + 2
 */
export function propagationTestCount(widths: readonly number[]): number {
  return widths.reduce((n, w) => n + (w >= 2 ? 3 : 2), 0);
}

/** Options of {@link testLayerMoments}. */
export interface TestLayerMomentsOptions {
  /** Per-layer estimator summaries, layer 0 being the input. */
  readonly summaries: readonly LayerMomentSummary[];
  /** The values tested against, one per layer. */
  readonly theory: readonly LayerTheory[];
  /** False-alarm probability of each test. */
  readonly falseAlarm: number;
  readonly relativeDeviation?: number;
  readonly minPower?: number;
  readonly maxBatchSkewness?: number;
}

/**
 * Tests every layer's variance, κ and c estimates against `theory` with
 * `assertEstimateConsistent` (see {@link propagationMonteCarlo}). Separate from the sampling so
 * that one Monte Carlo run can be tested against several recursions (the true one and perturbed ones).
 *
 * @example testLayerMoments({ summaries, theory: propagationTheory(…), falseAlarm: 1e-7 })[1].kappa.decision // 'consistent'
 */
export function testLayerMoments(options: TestLayerMomentsOptions): LayerTests[] {
  const { summaries, theory, falseAlarm } = options;
  const relativeDeviation = options.relativeDeviation ?? PROPAGATION_DEFAULTS.relativeDeviation;
  const minPower = options.minPower ?? PROPAGATION_DEFAULTS.minPower;
  const maxBatchSkewness = options.maxBatchSkewness ?? PROPAGATION_DEFAULTS.maxBatchSkewness;
  if (theory.length !== summaries.length) throw new Error(`testLayerMoments: options.theory has ${theory.length} layers, summaries ${summaries.length}`);
  const design = { falseAlarm, minPower, reach: { maxBatchSkewness } };
  return summaries.map((s, l): LayerTests => {
    const t = theory[l]!;
    const variance = assertEstimateConsistent({ ...s.variance, theory: t.variance, relativeDeviation, ...design });
    const kappa = assertEstimateConsistent({ ...s.kappa, theory: t.kappa, relativeDeviation, ...design });
    const c =
      s.c === null
        ? null
        : assertEstimateConsistent({ ...s.c, theory: t.c, absoluteDeviation: relativeDeviation * (t.variance * t.variance + Math.abs(t.c)), ...design });
    return { layer: l, width: s.width, variance, kappa, c, decision: combine([variance, kappa, c]) };
  });
}

function combine(records: readonly (ConsistencyRecord | null)[]): ConsistencyDecision {
  const decisions = records.filter((r): r is ConsistencyRecord => r !== null).map((r) => r.decision);
  if (decisions.includes('rejected')) return 'rejected';
  if (decisions.includes('out-of-reach')) return 'out-of-reach';
  return 'consistent';
}

/**
 * Propositions 1 and 3 on real networks: draws `samples` independent He-initialised networks
 * y(l) = W(l) φ_a(y(l−1)) with fresh i.i.d. inputs (tfjs, one batched pass per chunk), streams
 * every layer's entries into float64 moment accumulators, and tests, at every layer, the variance
 * (Proposition 1: σ² preserved), κ_l and c_l (Proposition 3) with `assertEstimateConsistent`:
 * batch-means standard errors (B − 1 t degrees of freedom), the stated false-alarm probability,
 * power against a 5% deviation, and the reach rules (power, batch skewness).
 * c's deviation is stated relative to E[y_i² y_j²] = σ⁴ + c_l (c_l itself may be 0).
 *
 * @example propagationMonteCarlo({ widths: [4, 4, 4], slope: 0, weights: normal(), input: normal(),
 *   samples: 100000, seed: 1, falseAlarm: 1e-6 / 9 }).layers[2].decision // 'consistent'
 */
export function propagationMonteCarlo(options: PropagationMonteCarloOptions): PropagationMonteCarloResult {
  const { widths, slope, weights, input, samples, seed, falseAlarm } = options;
  const { relativeDeviation, minPower, maxBatchSkewness } = options;
  const batches = options.batches ?? PROPAGATION_DEFAULTS.batches;
  const vector = options.inputVector;
  const theory =
    options.theory ??
    propagationTheory({
      widths,
      slope,
      weightKurtosis: weights.kurtosis,
      inputVariance: vector?.variance ?? input.variance,
      inputKurtosis: vector?.kappa0 ?? input.kurtosis,
      c0: vector?.c0 ?? 0,
    });
  if (theory.length !== widths.length) throw new Error(`propagationMonteCarlo: options.theory has ${theory.length} layers, widths ${widths.length}`);

  const accumulators = widths.map((width) => createLayerMomentAccumulator({ width, batches }));
  const inputVector = vector === undefined ? undefined : (rng: Parameters<InputVectorLaw['sample']>[0], out: Float32Array) => vector.sample(rng, out);
  for (const chunk of sampleLayerOutputs({ widths, slope, weights, input, inputVector, draws: samples, seed, chunk: options.chunk, fast: options.fast })) {
    chunk.layers.forEach((data, l) => accumulators[l]!.addDraws(data));
    options.onProgress?.(chunk.start + chunk.draws, samples);
  }
  const summaries = accumulators.map((a) => a.summary());
  const layers = testLayerMoments({ summaries, theory, falseAlarm, relativeDeviation, minPower, maxBatchSkewness });
  return { samples, seed, falseAlarm, theory, layers, summaries };
}
