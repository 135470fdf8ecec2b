import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { numberField } from '../../algebra/field.ts';
import type { SymmetricDistribution } from '../../distributions/types.ts';
import { heInit } from '../../network/init/heInit.ts';
import { assertEstimateConsistent } from '../../stats/assertEstimateConsistent.ts';
import { leakyReluFourthMoment } from '../../theory/leakyReluFourthMoment.ts';
import { leakyReluSecondMoment } from '../../theory/leakyReluSecondMoment.ts';
import { createLayerMomentAccumulator } from '../createLayerMomentAccumulator.ts';
import type { LayerMomentSummary } from '../types.ts';
import { PROPAGATION_DEFAULTS, type LayerTests } from './propagationMonteCarlo.ts';
import { propagationTheory, type LayerTheory } from './propagationTheory.ts';

/** Default design of the conditional (Rao–Blackwellised) layer-1 tests: a 1% deviation at power 0.99. */
export const CONDITIONAL_DEFAULTS = Object.freeze({
  relativeDeviation: 0.01,
  minPower: 0.99,
  batches: 64,
  /** Networks per block of He draws (one heInit call per block). */
  chunk: 4096,
});

/** Options of {@link conditionalLayerOneMonteCarlo}. */
export interface ConditionalLayerOneOptions {
  /** (w_0, w_1): input width and layer-1 width. */
  readonly widths: readonly [number, number];
  readonly slope: number;
  /** Weight law (He-rescaled by `heInit`, the sampler every network uses). */
  readonly weights: SymmetricDistribution;
  /** Law of the input's i.i.d. entries (symmetric): only its variance and kurtosis enter. */
  readonly input: SymmetricDistribution;
  /** Number of independent networks (W^(1) draws). */
  readonly samples: number;
  readonly seed: number;
  /** False-alarm probability of EACH of the three tests. */
  readonly falseAlarm: number;
  readonly relativeDeviation?: number;
  readonly minPower?: number;
  readonly batches?: number;
  /** Values tested against; default Propositions 1 and 3 at layer 1. */
  readonly theory?: LayerTheory;
}

export interface ConditionalLayerOneResult {
  readonly samples: number;
  readonly seed: number;
  readonly theory: LayerTheory;
  /** The tests of layer 1 (variance, κ_1, c_1; c null when w_1 = 1). */
  readonly tests: LayerTests;
  readonly summary: LayerMomentSummary;
  /** E[φ_a(x)²], E[φ_a(x)⁴] of the input entries (Lemma 6, Lemma 1). */
  readonly inputMoments: { readonly mu2: number; readonly mu4: number };
}

/**
 * Layer 1 of the paper's network, y = Wφ_a(x), with the input integrated out analytically: a
 * conditional (Rao–Blackwellised) Monte Carlo over the real He weights. Each draw is one network's
 * W ∈ ℝ^{w_1×w_0} from `heInit` (the sampler of every Monte Carlo network, so an error in its
 * variance shows); given W, with φ_j = φ_a(x_j) i.i.d., μ₂ = E[φ²], μ₄ = E[φ⁴], p_i = Σ_j W_ij²,
 * q_i = Σ_j W_ij⁴ and r_ik = Σ_j W_ij²W_kj², the conditional moments keep only the terms whose
 * mean is not zero for independent symmetric weights (the others, odd in some W_ij, are control
 * variates with known mean 0 whatever the weights' variance):
 *
 *   Ê[y_i² | W] = μ₂p_i,  Ê[y_i⁴ | W] = μ₄q_i + 3μ₂²(p_i² − q_i),
 *   Ê[y_i²y_k² | W] = μ₂²(p_ip_k − r_ik) + μ₄r_ik   (i ≠ k),
 *
 * whose means are exactly E[y_i²], E[y_i⁴] and E[y_i²y_k²]. The per-network means (s₂, s₄, s₂₂)
 * go into the same moment accumulator as the plain Monte Carlo (`addMoments`: batch means,
 * jackknife, the same κ̂ = m₄/m₂²), and each estimate is tested with `assertEstimateConsistent`
 * against Proposition 1 (σ²) and 3 (κ_1, c_1) at power ≥ `minPower` against a `relativeDeviation`
 * error (default 1% at 0.99; c's deviation relative to σ⁴ + c_1). The variance of κ̂ shrinks from
 * 8th moments of y to that of the weights' p_i, q_i, and its first order cancels in the ratio:
 * at widths (16, 16), normal weights, relative stderr of κ̂ ≈ 0.1/√n against ≈ 2/√n plain.
 *
 * @example conditionalLayerOneMonteCarlo({ widths: [16, 16], slope: 0, weights: normal(), input: normal(),
 *   samples: 20000, seed: 1, falseAlarm: 1e-8 }).tests.kappa.decision // 'consistent'
 * @throws Error naming the option when widths, samples or seed are invalid.
 */
export function conditionalLayerOneMonteCarlo(options: ConditionalLayerOneOptions): ConditionalLayerOneResult {
  const api = 'conditionalLayerOneMonteCarlo';
  const { widths, slope, weights, input, samples, seed, falseAlarm } = options;
  if (!Array.isArray(widths) || widths.length !== 2 || !widths.every((w) => Number.isInteger(w) && w >= 1)) {
    throw new Error(`${api}: options.widths must be [w_0, w_1], integers >= 1, got ${String(widths)}`);
  }
  if (!Number.isInteger(samples) || samples < 2) throw new Error(`${api}: options.samples must be an integer >= 2, got ${String(samples)}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`${api}: options.seed must be a non-negative safe integer, got ${String(seed)}`);
  const [w0, w1] = widths;
  const relativeDeviation = options.relativeDeviation ?? CONDITIONAL_DEFAULTS.relativeDeviation;
  const minPower = options.minPower ?? CONDITIONAL_DEFAULTS.minPower;
  const batches = options.batches ?? CONDITIONAL_DEFAULTS.batches;
  const mu2 = leakyReluSecondMoment(numberField, { slope, variance: input.variance });
  const mu4 = leakyReluFourthMoment(numberField, { slope, variance: input.variance, kurtosis: input.kurtosis });
  const theory =
    options.theory ??
    propagationTheory({ widths, slope, weightKurtosis: weights.kurtosis, inputVariance: input.variance, inputKurtosis: input.kurtosis })[1]!;

  const acc = createLayerMomentAccumulator({ width: w1, batches });
  const rng = xoroshiro128plus((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  const p = new Float64Array(w1);
  const column = new Float64Array(w0);
  const pairs = w1 > 1 ? w1 * (w1 - 1) : 1;
  for (let start = 0; start < samples; start += CONDITIONAL_DEFAULTS.chunk) {
    const n = Math.min(CONDITIONAL_DEFAULTS.chunk, samples - start);
    const W = heInit({ fanIn: w0, fanOut: n * w1, distribution: weights, slope, rng }).data;
    for (let d = 0; d < n; d++) {
      const base = d * w1 * w0;
      column.fill(0);
      let sumP = 0;
      let sumP2 = 0;
      let sumQ = 0;
      let sumE4 = 0;
      for (let i = 0; i < w1; i++) {
        let pi = 0;
        let qi = 0;
        const row = base + i * w0;
        for (let j = 0; j < w0; j++) {
          const w = W[row + j]!;
          const a = w * w;
          pi += a;
          qi += a * a;
          column[j]! += a;
        }
        p[i] = pi;
        sumP += pi;
        sumP2 += pi * pi;
        sumQ += qi;
        sumE4 += mu4 * qi + 3 * mu2 * mu2 * (pi * pi - qi);
      }
      // Σ_{i≠k} r_ik = Σ_j (Σ_i W_ij²)² − Σ_{ij} W_ij⁴.
      let sumC2 = 0;
      for (let j = 0; j < w0; j++) sumC2 += column[j]! * column[j]!;
      const R = sumC2 - sumQ;
      const s22 = (mu2 * mu2 * (sumP * sumP - sumP2 - R) + mu4 * R) / pairs;
      acc.addMoments((mu2 * sumP) / w1, sumE4 / w1, s22);
    }
  }
  const summary = acc.summary();
  const design = { falseAlarm, minPower, reach: { maxBatchSkewness: PROPAGATION_DEFAULTS.maxBatchSkewness } };
  const variance = assertEstimateConsistent({ ...summary.variance, theory: theory.variance, relativeDeviation, ...design });
  const kappa = assertEstimateConsistent({ ...summary.kappa, theory: theory.kappa, relativeDeviation, ...design });
  const absoluteDeviation = relativeDeviation * (theory.variance * theory.variance + Math.abs(theory.c));
  const c = summary.c === null ? null : assertEstimateConsistent({ ...summary.c, theory: theory.c, absoluteDeviation, ...design });
  const records = [variance, kappa, c].filter((r) => r !== null);
  const decision = records.some((r) => r.decision === 'rejected') ? 'rejected' : records.some((r) => r.decision === 'out-of-reach') ? 'out-of-reach' : 'consistent';
  return { samples, seed, theory, tests: { layer: 1, width: w1, variance, kappa, c, decision }, summary, inputMoments: { mu2, mu4 } };
}
