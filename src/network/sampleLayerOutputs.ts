import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator, SymmetricDistribution } from '../distributions/types.ts';
import { forward } from './forward.ts';
import { heInit } from './init/heInit.ts';
import { batchedForwardJs } from './internal/batchedForwardJs.ts';
import { fillStandardNormal } from './internal/fillStandardNormal.ts';

/** Options of {@link sampleLayerOutputs}. */
export interface SampleLayerOutputsOptions {
  /** (w_0, …, w_d): input width then each layer's width; d = widths.length − 1 ≥ 1 weight matrices. */
  readonly widths: readonly number[];
  /** Negative slope a of φ_a. */
  readonly slope: number;
  /** Weight distribution, rescaled to He's variance 2/(fan_in (1 + a²)) (its shape is what matters). */
  readonly weights: SymmetricDistribution;
  /** Law of the input's i.i.d. entries (used as is: its variance is the σ² preserved by every layer). */
  readonly input: SymmetricDistribution;
  /**
   * Draws one whole input vector into `out` (length w_0) instead of i.i.d. `input` entries: for
   * correlated, non-centred or asymmetric inputs (Proposition 2).
   */
  readonly inputVector?: (rng: RandomGenerator, out: Float32Array) => void;
  /** Apply φ_a before the first matrix (the paper's network, default true); false gives z = W x first. */
  readonly activateInput?: boolean;
  /**
   * Which width sets He's variance 2/(w (1 + a²)): 'fan-in' (default; w_{l−1}, as Proposition 1's
   * proof) or 'fan-out' (w_l, as Proposition 1's statement is written).
   */
  readonly heWidth?: 'fan-in' | 'fan-out';
  /** Number of independent (network, input) draws. */
  readonly draws: number;
  /** Seed (non-negative safe integer) of the one xoroshiro128+ stream everything is drawn from. */
  readonly seed: number;
  /** Draws per batched forward pass (default 4096); fixed, so a longer run extends a shorter one. */
  readonly chunk?: number;
  /**
   * The fast path (default false): normal inputs and weights from `fillStandardNormal` (both
   * Box–Muller branches, 32-bit uniforms: a different stream of the same law), and the products in
   * JavaScript (`batchedForwardJs`) instead of tfjs. Other laws are drawn as usual.
   */
  readonly fast?: boolean;
}

/** One chunk of draws: `layers[l]` is row-major [draws × widths[l]], layer 0 being the input. */
export interface LayerOutputChunk {
  /** Index of this chunk's first draw in the whole run. */
  readonly start: number;
  readonly draws: number;
  readonly layers: readonly Float32Array[];
}

function checkWidths(widths: readonly number[]): void {
  if (!Array.isArray(widths) || widths.length < 2) throw new Error('sampleLayerOutputs: options.widths needs at least 2 entries (input and one layer)');
  widths.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 1) throw new Error(`sampleLayerOutputs: options.widths[${i}] must be an integer >= 1, got ${String(w)}`);
  });
}

/**
 * Draws `draws` independent pairs (network, input) of the paper's network y(0) = x,
 * y(l) = W(l) φ_a(y(l−1)) — every network fresh, He-initialised from `weights` — and yields every
 * layer's output, a chunk of draws at a time, from ONE batched tfjs forward pass per chunk
 * (weights [chunk, w_l, w_{l−1}]). Everything is drawn from one seeded stream in a fixed order
 * (per chunk: the inputs, then layer 1's weights, layer 2's, …), so results depend only on the
 * options, not on the backend's random generator; tensors are disposed before each yield.
 *
 * @example
 * for (const c of sampleLayerOutputs({ widths: [4, 4, 4], slope: 0, weights: normal(), input: normal(), draws: 10, seed: 1 }))
 *   c.layers[2].length // 40 = 10 draws × 4 units
 */
export function* sampleLayerOutputs(options: SampleLayerOutputsOptions): Generator<LayerOutputChunk> {
  const { widths, slope, weights, input, draws, seed } = options;
  checkWidths(widths);
  if (!Number.isFinite(slope)) throw new Error(`sampleLayerOutputs: options.slope must be finite, got ${String(slope)}`);
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`sampleLayerOutputs: options.draws must be an integer >= 1, got ${String(draws)}`);
  const chunk = options.chunk ?? 4096;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`sampleLayerOutputs: options.chunk must be an integer >= 1, got ${String(chunk)}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`sampleLayerOutputs: options.seed must be a non-negative safe integer, got ${String(seed)}`);
  // Folds the high bits in, so that seeds beyond 2³² still give distinct streams.
  const rng = xoroshiro128plus((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  for (let start = 0; start < draws; start += chunk) {
    const n = Math.min(chunk, draws - start);
    const x0 = new Float32Array(n * widths[0]!);
    const fast = options.fast === true;
    if (options.inputVector === undefined && fast && isNormal(input)) {
      fillStandardNormal(rng, x0, Math.sqrt(input.variance));
    } else if (options.inputVector === undefined) {
      for (let i = 0; i < x0.length; i++) x0[i] = input.sample(rng);
    } else {
      for (let d = 0; d < n; d++) options.inputVector(rng, x0.subarray(d * widths[0]!, (d + 1) * widths[0]!));
    }
    const layerWeights = widths.slice(1).map((fanOut, l) => {
      // n stacked matrices [fanOut × fanIn] are one [n·fanOut × fanIn] He matrix, row-major.
      let data: Float32Array;
      if (fast && isNormal(weights)) {
        data = new Float32Array(n * fanOut * widths[l]!);
        fillStandardNormal(rng, data, Math.sqrt(2 / (widths[l]! * (1 + slope * slope))));
      } else {
        data = heInit({ fanIn: widths[l]!, fanOut: n * fanOut, distribution: weights, slope, rng }).data;
      }
      if (options.heWidth === 'fan-out') {
        const rescale = Math.sqrt(widths[l]! / fanOut);
        for (let i = 0; i < data.length; i++) data[i]! *= rescale;
      }
      return data;
    });
    if (fast) {
      yield { start, draws: n, layers: batchedForwardJs({ widths, weights: layerWeights, input: x0, draws: n, slope, activateInput: options.activateInput ?? true }) };
      continue;
    }
    const outputs: tf.Tensor[] = tf.tidy(() => {
      const network = {
        slope,
        activateInput: options.activateInput ?? true,
        layers: layerWeights.map((data, l) => ({ weight: tf.tensor3d(data, [n, widths[l + 1]!, widths[l]!]) })),
      };
      const x = tf.tensor3d(x0, [n, 1, widths[0]!]);
      return [...forward(network, x, { tap: true }).taps];
    });
    // Copies: some backends hand out views of memory that dispose() recycles.
    const layers = [x0, ...outputs.map((t) => new Float32Array(t.dataSync() as Float32Array))];
    tf.dispose(outputs);
    yield { start, draws: n, layers };
  }
}

/** A normal law (its name, kurtosis 3 and a density): the fast path draws it with `fillStandardNormal`. */
function isNormal(d: SymmetricDistribution): boolean {
  return d.name.startsWith('normal(') && d.kurtosis === 3;
}
