import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator, SymmetricDistribution } from '../distributions/types.ts';
import type { Activation } from './activation/types.ts';
import { initGain } from './activation/initGain.ts';
import type { Architecture } from './architecture/types.ts';
import { convGeometry, type ConvGeometry } from './conv/convGeometry.ts';
import { convUnitTap } from './conv/convUnitTap.ts';
import { forward, type Layer } from './forward.ts';
import { heInit } from './init/heInit.ts';
import { batchedForwardJs } from './internal/batchedForwardJs.ts';
import { simdNormals } from './internal/simdNormals.ts';
import { branchScaleValue } from './residual/branchScale.ts';

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
   * The fast path (default false): normal inputs and weights from `simdNormals` (four xoshiro128+
   * lanes seeded from the run's stream, Box–Muller with both branches in WebAssembly SIMD — its
   * scalar twin gives the same values where SIMD is missing: a different stream of the same law),
   * and the products in JavaScript (`batchedForwardJs`) instead of tfjs. Other laws are drawn as usual.
   */
  readonly fast?: boolean;
  /**
   * The architecture (default plain). Residual: `widths` must be constant (L = widths.length − 1
   * blocks). Conv 1-D: widths[0] is the signal length (positions) and the other entries are
   * ignored (the layers' sizes follow from the stride); 2-D: the arch's H × W. For conv the
   * yielded layers are the per-position tap (`convUnitTap`) of the centre position: C channels.
   */
  readonly architecture?: Architecture;
  /**
   * The activation φ (default leaky ReLU with `slope`, He-initialised from `slope` as before).
   * Any other activation: weights of variance gain²/fan_in, gain = `gain` ?? `initGain(activation)`.
   */
  readonly activation?: Activation;
  /** Initialisation gain overriding `initGain(activation)` (only with a non-leaky-ReLU `activation`). */
  readonly gain?: number;
  /**
   * Inputs per network (default 1): every network is evaluated on its own data set of this many
   * i.i.d. inputs (for empirical variances over a data set). With B > 1 the general sampler is
   * used and each yielded layer is row-major [draws × B × width] (rows of one network adjacent).
   */
  readonly inputsPerNetwork?: number;
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
  const a = options.activation?.name === 'leaky-relu' ? options.activation.slope : options.slope;
  const heGain = Math.sqrt(2 / (1 + a * a));
  const plainLeaky =
    (options.architecture === undefined || options.architecture.kind === 'plain') &&
    (options.activation === undefined || options.activation.name === 'leaky-relu') &&
    (options.gain === undefined || Math.abs(options.gain - heGain) <= 1e-12 * heGain) &&
    (options.inputsPerNetwork ?? 1) === 1;
  if (!plainLeaky) {
    yield* sampleArchitectureOutputs(options);
    return;
  }
  const slope = options.activation?.name === 'leaky-relu' ? options.activation.slope : options.slope;
  const { widths, weights, input, draws, seed } = options;
  checkWidths(widths);
  if (!Number.isFinite(slope)) throw new Error(`sampleLayerOutputs: options.slope must be finite, got ${String(slope)}`);
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`sampleLayerOutputs: options.draws must be an integer >= 1, got ${String(draws)}`);
  const chunk = options.chunk ?? 4096;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`sampleLayerOutputs: options.chunk must be an integer >= 1, got ${String(chunk)}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`sampleLayerOutputs: options.seed must be a non-negative safe integer, got ${String(seed)}`);
  // Folds the high bits in, so that seeds beyond 2³² still give distinct streams.
  const rng = xoroshiro128plus((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  const fast = options.fast === true;
  // The fast path's normal generator: seeded once, from the run's stream, before the first chunk.
  const normals = fast && (isNormal(input) || isNormal(weights)) ? simdNormals(rng) : null;
  for (let start = 0; start < draws; start += chunk) {
    const n = Math.min(chunk, draws - start);
    const x0 = new Float32Array(n * widths[0]!);
    if (options.inputVector === undefined && normals !== null && isNormal(input)) {
      normals.fill(x0, Math.sqrt(input.variance));
    } else if (options.inputVector === undefined) {
      for (let i = 0; i < x0.length; i++) x0[i] = input.sample(rng);
    } else {
      for (let d = 0; d < n; d++) options.inputVector(rng, x0.subarray(d * widths[0]!, (d + 1) * widths[0]!));
    }
    const layerWeights = widths.slice(1).map((fanOut, l) => {
      // n stacked matrices [fanOut × fanIn] are one [n·fanOut × fanIn] He matrix, row-major.
      let data: Float32Array;
      if (normals !== null && isNormal(weights)) {
        data = new Float32Array(n * fanOut * widths[l]!);
        normals.fill(data, Math.sqrt(2 / (widths[l]! * (1 + slope * slope))));
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

/** A normal law (its name, kurtosis 3 and a density): the fast path draws it with `simdNormals`. */
function isNormal(d: SymmetricDistribution): boolean {
  return d.name.startsWith('normal(') && d.kurtosis === 3;
}

/** The widths of the yielded layers (layer 0 first): `widths` itself, or C at every layer of a conv architecture. */
export function sampledLayerWidths(options: Pick<SampleLayerOutputsOptions, 'widths' | 'architecture'>): number[] {
  const a = options.architecture;
  return a?.kind === 'conv' ? options.widths.map(() => a.channels) : [...options.widths];
}

/** The conv geometries of every layer, input spatial size from `widths[0]` (1-D) or the arch (2-D). */
export function convGeometries(a: Extract<Architecture, { kind: 'conv' }>, inputLength: number, depth: number): ConvGeometry[] {
  let spatial = a.dims === 1 ? [inputLength] : [a.height!, a.width!];
  const out: ConvGeometry[] = [];
  for (let l = 0; l < depth; l++) {
    const g = convGeometry({ spatial, channelsIn: a.channels, channelsOut: a.channels, kernel: a.kernel, stride: a.stride, padding: a.padding });
    out.push(g);
    spatial = [...g.spatialOut];
  }
  return out;
}

/**
 * The general sampler (residual, conv, any activation) on the same forward pass. Stream order per
 * chunk: the inputs (row-major [draws × features]), then every layer's weights in layer order
 * (residual pre/post: W₁ then W₂), each as one He matrix (slope 0) rescaled by gain/√2.
 */
function* sampleArchitectureOutputs(options: SampleLayerOutputsOptions): Generator<LayerOutputChunk> {
  const { widths, weights, input, draws, seed } = options;
  checkWidths(widths);
  if (!Number.isInteger(draws) || draws < 1) throw new Error(`sampleLayerOutputs: options.draws must be an integer >= 1, got ${String(draws)}`);
  const chunk = options.chunk ?? 4096;
  if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`sampleLayerOutputs: options.chunk must be an integer >= 1, got ${String(chunk)}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`sampleLayerOutputs: options.seed must be a non-negative safe integer, got ${String(seed)}`);
  if (options.inputVector !== undefined && options.architecture?.kind === 'conv') throw new Error('sampleLayerOutputs: options.inputVector is not supported with a conv architecture');
  if (options.heWidth === 'fan-out') throw new Error("sampleLayerOutputs: options.heWidth 'fan-out' is only for the plain leaky-ReLU network");
  const activation: Activation = options.activation ?? { name: 'leaky-relu', slope: options.slope };
  const gain = options.gain ?? initGain(activation);
  if (!(Number.isFinite(gain) && gain > 0)) throw new Error(`sampleLayerOutputs: options.gain must be a finite number > 0, got ${String(gain)}`);
  const arch = options.architecture ?? { kind: 'plain' as const };
  const depth = widths.length - 1;
  if (arch.kind === 'residual' && widths.some((w) => w !== widths[0])) throw new Error(`sampleLayerOutputs: a residual architecture needs constant widths, got ${widths.join(',')}`);
  const geometries = arch.kind === 'conv' ? convGeometries(arch, widths[0]!, depth) : [];
  const inputFeatures = arch.kind === 'conv' ? geometries[0]!.positionsIn * arch.channels : widths[0]!;
  const alpha = arch.kind === 'residual' ? branchScaleValue(arch.scale, depth) : 0;
  const matricesPerLayer = arch.kind === 'residual' && arch.variant !== 'simple' ? 2 : 1;
  const shapes = Array.from({ length: depth }, (_, l) => (arch.kind === 'conv' ? { rows: arch.channels, cols: geometries[l]!.fanIn } : { rows: widths[l + 1]!, cols: widths[l]! }));
  const rng = xoroshiro128plus((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  const rescale = gain / Math.SQRT2;
  const B = options.inputsPerNetwork ?? 1;
  if (!Number.isInteger(B) || B < 1) throw new Error(`sampleLayerOutputs: options.inputsPerNetwork must be an integer >= 1, got ${String(B)}`);
  for (let start = 0; start < draws; start += chunk) {
    const n = Math.min(chunk, draws - start);
    const x0 = new Float32Array(n * B * inputFeatures);
    if (options.inputVector === undefined) {
      for (let i = 0; i < x0.length; i++) x0[i] = input.sample(rng);
    } else {
      for (let d = 0; d < n * B; d++) options.inputVector(rng, x0.subarray(d * inputFeatures, (d + 1) * inputFeatures));
    }
    const layerWeights = shapes.map(({ rows, cols }) =>
      Array.from({ length: matricesPerLayer }, () => {
        const data = heInit({ fanIn: cols, fanOut: n * rows, distribution: weights, slope: 0, rng }).data;
        for (let i = 0; i < data.length; i++) data[i]! *= rescale;
        return data;
      }),
    );
    const outputs: tf.Tensor[] = tf.tidy(() => {
      const layers: Layer[] = layerWeights.map((ws, l) => {
        const { rows, cols } = shapes[l]!;
        const [w1, w2] = ws.map((data) => tf.tensor3d(data, [n, rows, cols]));
        if (arch.kind === 'conv') return { kind: 'conv' as const, weight: w1!, geometry: geometries[l]! };
        if (arch.kind === 'residual') return { kind: 'residual' as const, variant: arch.variant, alpha, weight: w1!, ...(w2 !== undefined ? { weight2: w2 } : {}) };
        return { weight: w1! };
      });
      const network = { slope: options.slope, activation, activateInput: options.activateInput ?? true, layers };
      const x = tf.tensor3d(x0, [n, B, inputFeatures]);
      return [...forward(network, x, { tap: true }).taps];
    });
    const raw = outputs.map((t) => new Float32Array(t.dataSync() as Float32Array));
    tf.dispose(outputs);
    const layers =
      arch.kind === 'conv'
        ? [convUnitTap(x0, { spatialOut: geometries[0]!.spatial, channelsOut: arch.channels }), ...raw.map((data, l) => convUnitTap(data, { spatialOut: geometries[l]!.spatialOut, channelsOut: arch.channels }))]
        : [x0, ...raw];
    yield { start, draws: n, layers };
  }
}
