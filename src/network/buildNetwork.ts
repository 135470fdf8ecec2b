import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { Network } from './forward.ts';
import type { LayerInitialiser } from './init/initialisers.ts';
import type { WeightMatrix } from './init/types.ts';

/** Options of {@link buildNetwork}. */
export interface BuildNetworkOptions {
  /** Widths of the Linear layers' inputs and outputs: (n_0, n_1, …, n_L) for L Linears. */
  readonly widths: readonly number[];
  /** Initialiser of every Linear (e.g. `INITIALISERS['he-normal']`), called in layer order with one rng. */
  readonly initialiser: LayerInitialiser;
  /** Negative slope a of φ_a. */
  readonly slope: number;
  /** true: the paper's y(l) = W φ_a(y(l−1)); false (default): the authors' code (first Linear on the raw input). */
  readonly activateInput?: boolean;
  /** Zero biases on every Linear, as the authors' code (default true). */
  readonly biases?: boolean;
  /** Seed (non-negative safe integer) of the initialisers' generator. */
  readonly seed: number;
  /** Make the parameters trainable tf.Variables (default false: constant tensors). */
  readonly trainable?: boolean;
}

/** A network together with its weights as plain float32 matrices (for tests and reports). */
export interface BuiltNetwork extends Network {
  readonly matrices: readonly WeightMatrix[];
  /** Every tensor the network owns; `tf.dispose(net.parameters)` frees it. */
  readonly parameters: readonly tf.Tensor[];
}

/**
 * Builds and initialises one network for the shared forward pass (`forward`). Weights are in the
 * paper's layout [fanOut, fanIn]; biases [fanOut], zero.
 *
 * @example buildNetwork({ widths: referenceWidths({ inputSize: 784, width: 10, depth: 2 }),
 *   initialiser: INITIALISERS['he-normal'], slope: 0, seed: 1 }).layers.length // 3
 */
export function buildNetwork(options: BuildNetworkOptions): BuiltNetwork {
  const { widths, initialiser, slope, seed } = options;
  if (!Array.isArray(widths) || widths.length < 2) throw new Error('buildNetwork: options.widths needs at least 2 entries');
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`buildNetwork: options.seed must be a non-negative safe integer, got ${String(seed)}`);
  const rng = xoroshiro128plus((seed >>> 0) ^ Math.floor(seed / 2 ** 32));
  const layerCount = widths.length - 1;
  const matrices = widths.slice(1).map((fanOut, layerIndex) => initialiser({ fanIn: widths[layerIndex]!, fanOut, layerIndex, layerCount, slope, rng }));
  const wrap = (t: tf.Tensor): tf.Tensor => {
    if (!options.trainable) return t;
    const v = tf.variable(t);
    t.dispose();
    return v;
  };
  const parameters: tf.Tensor[] = [];
  const layers = matrices.map((m) => {
    const weight = wrap(tf.tensor2d(m.data, [m.rows, m.cols]));
    parameters.push(weight);
    if (options.biases === false) return { weight };
    const bias = wrap(tf.zeros([m.rows]));
    parameters.push(bias);
    return { weight, bias };
  });
  return { layers, slope, activateInput: options.activateInput ?? false, matrices, parameters };
}
