import * as tf from '@tensorflow/tfjs-core';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../distributions/normal.ts';
import type { SymmetricDistribution } from '../distributions/types.ts';
import { createLayerMomentAccumulator } from '../montecarlo/createLayerMomentAccumulator.ts';
import type { LayerMomentSummary } from '../montecarlo/types.ts';
import { heInit } from '../network/init/heInit.ts';
import { assertEstimateConsistent } from '../stats/assertEstimateConsistent.ts';
import type { ConsistencyRecord } from '../stats/types.ts';
import type { InputStatistics } from './inputStatisticsTypes.ts';

const API = 'inputStatisticsMonteCarlo';

/** Options of {@link inputStatisticsMonteCarlo}. */
export interface InputStatisticsMonteCarloOptions {
  /** The preprocessed images x (row-major count × size, float32), e.g. preprocess(...).train. */
  readonly images: { readonly count: number; readonly size: number; readonly values: Float32Array };
  /** The exact statistics to test against (inputStatistics of the same images and weights). */
  readonly exact: InputStatistics;
  /** Law of the first layer's weights, He-rescaled to variance 2/d; default normal(). */
  readonly weights?: SymmetricDistribution;
  /** Rows of each first layer W (entries of z per draw), integer ≥ 2, default 8. */
  readonly fanOut?: number;
  /** Number n of independent draws (fresh W, fresh uniformly random image), integer ≥ 2. */
  readonly draws: number;
  /** Seed (non-negative safe integer) of the one xoroshiro128+ stream (images, then weights, per chunk). */
  readonly seed: number;
  /** Draws per batched tfjs product, integer ≥ 1, default 256. */
  readonly chunk?: number;
  /** Probability that ANY of the three tests rejects true values, in (0, 1), default 1e-4 (Bonferroni: /3 each). */
  readonly falseAlarm?: number;
  /** Deviation the power refers to, relative for σ² and κ0, in units of σ⁴ for c0; default 0.05. */
  readonly relativeDeviation?: number;
  /** Required power, default 0.8. */
  readonly minPower?: number;
  /** Called after each chunk with the draws done. */
  readonly onProgress?: (done: number) => void;
}

/** Result of {@link inputStatisticsMonteCarlo}. */
export interface InputStatisticsMonteCarloResult {
  readonly draws: number;
  readonly fanOut: number;
  readonly seed: number;
  readonly falseAlarm: { readonly total: number; readonly perTest: number };
  readonly summary: LayerMomentSummary;
  readonly sigma2: ConsistencyRecord;
  readonly kappa0: ConsistencyRecord;
  readonly c0: ConsistencyRecord;
  /** 'rejected' if any test rejects, else 'out-of-reach' if any is, else 'consistent'. */
  readonly decision: 'consistent' | 'rejected' | 'out-of-reach';
}

function checkInt(field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) throw new Error(`${API}: options.${field} must be an integer >= ${min}, got ${String(value)}`);
  return value;
}

function checkOpen(field: string, value: number): number {
  if (!(typeof value === 'number' && value > 0 && value < 1)) throw new Error(`${API}: options.${field} must be in (0, 1), got ${String(value)}`);
  return value;
}

/**
 * Monte Carlo cross-check of {@link inputStatistics} with REAL tfjs first layers: n independent
 * draws, each a fresh He-initialised W (fanOut × d, heInit from `weights`) and a uniformly random
 * image x (with replacement), z = W x computed by one batched tf.matMul per chunk
 * ([chunk, 1, d] × [chunk, fanOut, d]ᵀ) and streamed into createLayerMomentAccumulator, whose
 * σ̂², κ̂ and ĉ are tested against the exact values with assertEstimateConsistent.
 *
 * Design: false-alarm probability `falseAlarm` for the whole run, split over the 3 tests
 * (Bonferroni: P(any) ≤ 3 · falseAlarm/3); power required against a deviation of 5% of σ² and of
 * κ0, and for c0 against an absolute deviation of 5% of σ⁴ (0.05 in c0/σ⁴ — 5% of c0 itself,
 * ≈ 0.005σ⁴ on MNIST, would need ~10⁸ draws; σ⁴ is the scale on which c0 enters Proposition 3's
 * recursion, through c0/σ⁴). A test without that power is 'out-of-reach', not 'consistent'.
 * Everything is drawn from one seeded stream (per chunk: the image indices, then the weights), so
 * results depend on the options, not on the backend's generator. Call initBackend first.
 *
 * @throws Error naming the field when an option is invalid or images do not match exact.fanIn.
 * @example await inputStatisticsMonteCarlo({ images: pre.train, exact: inputStatistics(mnist, { preprocessing: 'authors' }), draws: 40000, seed: 1 })
 * // { sigma2: { estimate: 2.00…, theory: 2.0001, decision: 'consistent' }, … }
 */
export function inputStatisticsMonteCarlo(options: InputStatisticsMonteCarloOptions): InputStatisticsMonteCarloResult {
  const { images, exact } = options;
  const draws = checkInt('draws', options.draws, 2);
  const seed = checkInt('seed', options.seed, 0);
  const fanOut = checkInt('fanOut', options.fanOut ?? 8, 2);
  const chunk = checkInt('chunk', options.chunk ?? 256, 1);
  const total = checkOpen('falseAlarm', options.falseAlarm ?? 1e-4);
  const deviation = checkOpen('relativeDeviation', options.relativeDeviation ?? 0.05);
  const minPower = checkOpen('minPower', options.minPower ?? 0.8);
  const weights = options.weights ?? normal();
  const d = checkInt('images.size', images?.size, 1);
  const count = checkInt('images.count', images.count, 1);
  if (images.values.length !== count * d) throw new Error(`${API}: options.images.values must hold count × size = ${count * d} values, got ${images.values.length}`);
  if (exact.fanIn !== d) throw new Error(`${API}: options.exact.fanIn (${exact.fanIn}) must equal options.images.size (${d})`);
  const rng = xoroshiro128plus(seed);
  const acc = createLayerMomentAccumulator({ width: fanOut });
  for (let start = 0; start < draws; start += chunk) {
    const m = Math.min(chunk, draws - start);
    const x = new Float32Array(m * d);
    for (let k = 0; k < m; k++) {
      const i = uniformInt(rng, 0, count - 1);
      x.set(images.values.subarray(i * d, (i + 1) * d), k * d);
    }
    // m stacked fanOut × d He matrices drawn row-major = one (m·fanOut) × d matrix.
    const w = heInit({ fanIn: d, fanOut: m * fanOut, distribution: weights, rng });
    const z = tf.tidy(() => tf.matMul(tf.tensor3d(x, [m, 1, d]), tf.tensor3d(w.data, [m, fanOut, d]), false, true));
    acc.addDraws(z.dataSync());
    z.dispose();
    options.onProgress?.(start + m);
  }
  const summary = acc.summary();
  const perTest = total / 3;
  const design = { falseAlarm: perTest, minPower };
  const sigma2 = assertEstimateConsistent({ ...summary.variance, theory: exact.sigma2, relativeDeviation: deviation, ...design });
  const kappa0 = assertEstimateConsistent({ ...summary.kappa, theory: exact.kappa0, relativeDeviation: deviation, ...design });
  const c0 = assertEstimateConsistent({ ...summary.c!, theory: exact.c0, absoluteDeviation: deviation * exact.sigma2 ** 2, ...design });
  const decisions = [sigma2.decision, kappa0.decision, c0.decision];
  const decision = decisions.includes('rejected') ? 'rejected' : decisions.includes('out-of-reach') ? 'out-of-reach' : 'consistent';
  return { draws, fanOut, seed, falseAlarm: { total, perTest }, summary, sigma2, kappa0, c0, decision };
}
