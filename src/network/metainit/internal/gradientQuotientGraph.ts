import * as tf from '@tensorflow/tfjs-core';
import { forward } from '../../forward.ts';
import { crossEntropy } from './crossEntropy.ts';

/** Inputs of {@link gradientQuotientGraph}. */
export interface GradientQuotientGraphInputs {
  /** W(1), …, W(L), each [fanOut, fanIn]; the tensors the caller may differentiate the result by. */
  readonly weights: readonly tf.Tensor[];
  /** b(1), …, b(L) ([fanOut] each) or undefined for a Linear without bias; same length as weights. */
  readonly biases: readonly (tf.Tensor | undefined)[];
  /** Negative slope a of φ_a. */
  readonly slope: number;
  /** See `Network.activateInput`; false is the authors' architecture. */
  readonly activateInput: boolean;
  /** Inputs [batch, fanIn of W(1)]. */
  readonly x: tf.Tensor;
  /** One-hot targets [batch, fanOut of W(L)], float32. */
  readonly oneHot: tf.Tensor;
  /** ε of the quotient's denominator. */
  readonly eps: number;
}

/**
 * The gradient quotient of Dauphin & Schoenholz (2019), eq. (3), exactly as the MetaInit reference
 * code computes it, as a tensor on the gradient tape (so that it can itself be differentiated):
 *
 *   g = ∇_θ L,   Hg = ∇_θ (½‖g‖²),   GQ = (1/N) Σ_i |(g_i − (Hg)_i) / (g_i + ε·s_i) − 1|,
 *
 * θ = every parameter (weights AND biases), N their number, L the mean cross-entropy, and
 * s_i = +1 where g_i ≥ 0, −1 where g_i < 0, with zero derivative (the reference's `.detach()`;
 * here 1 − 2·step(−g), whose registered gradient is 0). Call inside `tf.tidy`; every tensor but
 * the result is released. Needs `ensureNestedGradients()` first.
 *
 * @example tf.tidy(() => gradientQuotientGraph({ weights: [tf.tensor2d([[1, 0], [0, 1]])],
 *   biases: [undefined], slope: 0, activateInput: false, x: tf.tensor2d([[1, 0]]),
 *   oneHot: tf.tensor2d([[1, 0]]), eps: 1e-5 }).dataSync()[0]) // ≈ 0.6966 (see gradientQuotient)
 */
export function gradientQuotientGraph(inputs: GradientQuotientGraphInputs): tf.Scalar {
  const { weights, biases, slope, activateInput, x, oneHot, eps } = inputs;
  const layerCount = weights.length;
  const hasBias = biases.map((b) => b !== undefined);
  const params: tf.Tensor[] = [...weights, ...biases.filter((b): b is tf.Tensor => b !== undefined)];
  const loss = (...ps: tf.Tensor[]): tf.Scalar => {
    let next = layerCount;
    const layers = ps.slice(0, layerCount).map((weight, i) => (hasBias[i] ? { weight, bias: ps[next++]! } : { weight }));
    const { output } = forward({ layers, slope, activateInput }, x);
    return crossEntropy(output, oneHot);
  };
  // g is produced inside the function that tf.grads differentiates for Hg, so that g and Hg come
  // from one forward/backward pass; it is kept there (the inner scope would free it) and released
  // below — the tape keeps its own clones for the caller's outer gradient.
  let grads: tf.Tensor[] = [];
  const halfSquaredNorm = (...ps: tf.Tensor[]): tf.Scalar => {
    grads = tf.grads(loss)(ps).map((g) => tf.keep(g));
    return tf.mul(0.5, tf.addN(grads.map((g) => tf.sum(tf.square(g))))) as tf.Scalar;
  };
  try {
    const products = tf.grads(halfSquaredNorm)(params);
    const count = params.reduce((n, p) => n + p.size, 0);
    const terms = grads.map((g, i) => {
      const signs = tf.sub(1, tf.mul(2, tf.step(tf.neg(g))));
      const quotient = tf.div(tf.sub(g, products[i]!), tf.add(g, tf.mul(eps, signs)));
      return tf.sum(tf.abs(tf.sub(quotient, 1)));
    });
    return tf.div(terms.length === 1 ? terms[0]! : tf.addN(terms), count) as tf.Scalar;
  } finally {
    tf.dispose(grads);
  }
}
