import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { forward } from '../../network/forward.ts';
import { INITIALISERS, type BuiltInInitialiserName } from '../../network/init/initialisers.ts';

/** Options of {@link fixedDataEmpiricalVariance}. */
export interface FixedDataEmpiricalVarianceOptions {
  /** Initialiser of every Linear, by registry name (called in layer order, one rng per run). */
  readonly initialiser: BuiltInInitialiserName;
  /** Constant width w of every Linear w → w (the data's dimension too). */
  readonly width: number;
  /** Number of Linears L ≥ 1. */
  readonly depth: number;
  /** Negative slope a of φ_a (any real). */
  readonly slope: number;
  /** Number of independent networks. */
  readonly networks: number;
  /** The fixed data set, n ≥ 2 rows of w features, the SAME for every network. */
  readonly data: readonly (readonly number[])[];
  /** Seed of the weights' generator (non-negative safe integer). */
  readonly seed: number;
}

/**
 * Figure 2's measurement on real networks: `networks` independent networks of the authors' form
 * (first Linear on the raw input, φ_a between Linears, no biases, constant width), each applied to
 * the SAME fixed data set; for every layer l = 0…L the unbiased empirical variance S_l² of unit 0
 * over the n inputs (l = 0: the data's first feature; l ≥ 1: the pre-activation output of the l-th
 * Linear). One batched forward pass ([networks, n, w]) on the project's tfjs forward; S² is
 * accumulated in float64 from the float32 outputs. Returns s2[l][network].
 *
 * @example fixedDataEmpiricalVariance({ initialiser: 'orthogonal', width: 2, depth: 3, slope: 1, networks: 4, data: [[1, 0], [-1, 0], [0, 1]], seed: 1 }).length // 4 (layers 0…3)
 * @throws Error naming the option: width, depth, networks not integers ≥ 1, data not n ≥ 2 rows of width numbers.
 */
export function fixedDataEmpiricalVariance(options: FixedDataEmpiricalVarianceOptions): Float64Array[] {
  const api = 'fixedDataEmpiricalVariance';
  const { width: w, depth, networks, data, slope } = options;
  for (const [k, v] of [['width', w], ['depth', depth], ['networks', networks]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new Error(`${api}: options.${k} must be an integer ≥ 1, got ${String(v)}`);
  }
  if (!Array.isArray(data) || data.length < 2 || data.some((r) => r.length !== w || r.some((x: number) => !Number.isFinite(x)))) {
    throw new Error(`${api}: options.data must be at least 2 rows of ${w} finite numbers`);
  }
  const n = data.length;
  const init = INITIALISERS[options.initialiser];
  if (init === undefined) throw new Error(`${api}: options.initialiser: unknown initialiser ${String(options.initialiser)}`);
  const rng = xoroshiro128plus(options.seed);
  const weights: Float32Array[] = Array.from({ length: depth }, () => new Float32Array(networks * w * w));
  for (let i = 0; i < networks; i++) {
    for (let l = 0; l < depth; l++) weights[l]!.set(init({ fanIn: w, fanOut: w, layerIndex: l, layerCount: depth, slope, rng }).data, i * w * w);
  }
  const flat = new Float32Array(networks * n * w);
  for (let i = 0; i < networks; i++) for (let t = 0; t < n; t++) for (let j = 0; j < w; j++) flat[(i * n + t) * w + j] = data[t]![j]!;
  const s2 = (values: ArrayLike<number>, network: number, stride: number): number => {
    let mean = 0;
    for (let t = 0; t < n; t++) mean += values[(network * n + t) * stride]!;
    mean /= n;
    let ss = 0;
    for (let t = 0; t < n; t++) ss += (values[(network * n + t) * stride]! - mean) ** 2;
    return ss / (n - 1);
  };
  const out: Float64Array[] = [];
  const layer0 = new Float64Array(networks);
  for (let i = 0; i < networks; i++) layer0[i] = s2(flat, i, w);
  out.push(layer0);
  const tensors = weights.map((data) => tf.tensor3d(data, [networks, w, w]));
  const x = tf.tensor3d(flat, [networks, n, w]);
  try {
    const { output, taps } = forward({ layers: tensors.map((weight) => ({ weight })), slope, activateInput: false }, x, { tap: true });
    for (const tap of taps) {
      const values = tap.dataSync();
      const layer = new Float64Array(networks);
      for (let i = 0; i < networks; i++) layer[i] = s2(values, i, w);
      out.push(layer);
    }
    tf.dispose([output, ...taps]);
  } finally {
    tf.dispose([x, ...tensors]);
  }
  return out;
}
