import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { buildNetwork } from '../../buildNetwork.ts';
import type { Network } from '../../forward.ts';
import { INITIALISERS } from '../../init/initialisers.ts';
import type { GradientQuotientGraphInputs } from './gradientQuotientGraph.ts';
import type { Data64, Mlp64 } from './reference64.ts';
import { sampleBatch } from './sampleBatch.ts';

/** A tiny network and batch, in float32 tensors for tfjs and in float64 for reference64 (tests only). */
export interface TinyFixture {
  readonly network: Network;
  readonly x: tf.Tensor2D;
  readonly labels: Int32Array;
  readonly reference: Mlp64;
  readonly data: Data64;
  /** Frees the fixture's tensors. */
  dispose(): void;
}

/** Options of {@link tinyFixture}. */
export interface TinyFixtureOptions {
  readonly widths: readonly number[];
  readonly seed: number;
  readonly batchSize: number;
  readonly slope?: number;
  readonly activateInput?: boolean;
  /** Biases uniform on [0, biasScale) (default 0.2; 0 gives zero biases); 'none' drops them. */
  readonly biasScale?: number | 'none';
}

/**
 * He-normal weights (buildNetwork, `seed`), small positive biases and a standard-normal batch with
 * uniform labels (sampleBatch), the same float32 values in both representations.
 *
 * @example tinyFixture({ widths: [3, 4, 3], seed: 1, batchSize: 5 }).reference.weights.length // 2
 */
export function tinyFixture(options: TinyFixtureOptions): TinyFixture {
  const { widths, seed, batchSize } = options;
  const slope = options.slope ?? 0;
  const activateInput = options.activateInput ?? false;
  const biasScale = options.biasScale ?? 0.2;
  const he = buildNetwork({ widths, initialiser: INITIALISERS['he-normal'], slope, seed, biases: false });
  const rng = xoroshiro128plus(seed + 1000);
  const biases = widths.slice(1).map((n) =>
    biasScale === 'none' ? undefined : Float32Array.from({ length: n }, () => uniformFloat64(rng) * biasScale),
  );
  const layers = he.layers.map((l, i) => (biases[i] === undefined ? { weight: l.weight } : { weight: l.weight, bias: tf.tensor1d(biases[i]!) }));
  const batch = sampleBatch({ batchSize, inputSize: widths[0]!, classes: widths[widths.length - 1]!, rng });
  const x = tf.tensor2d(batch.x, [batchSize, widths[0]!]);
  return {
    network: { layers, slope, activateInput },
    x,
    labels: batch.labels,
    reference: {
      widths,
      weights: he.matrices.map((m) => Float64Array.from(m.data)),
      biases: biases.map((b) => (b === undefined ? undefined : Float64Array.from(b))),
      slope,
      activateInput,
    },
    data: { x: Float64Array.from(batch.x), labels: batch.labels },
    dispose: () => tf.dispose([x, ...layers.flatMap((l) => ('bias' in l ? [l.weight, l.bias] : [l.weight]))]),
  };
}

/**
 * The fixture's network, batch and the given one-hot labels as the inputs of the gradient-quotient
 * computations (gradientQuotientGraph, scaleDerivatives, explicitGradientQuotient).
 *
 * @example graphInputsOf(f, oneHot(f.labels, 3), 1e-5).weights.length // f.network.layers.length
 */
export function graphInputsOf(fixture: TinyFixture, oneHot: tf.Tensor, eps: number): GradientQuotientGraphInputs {
  return {
    weights: fixture.network.layers.map((l) => l.weight),
    biases: fixture.network.layers.map((l) => l.bias),
    slope: fixture.network.slope,
    activateInput: fixture.network.activateInput,
    x: fixture.x,
    oneHot,
    eps,
  };
}
