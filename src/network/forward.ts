import * as tf from '@tensorflow/tfjs-core';

/**
 * One Linear layer in the paper's (and PyTorch's) layout: `weight` has shape [..., fanOut, fanIn]
 * so that y = W x; leading dimensions, when present, index independent networks evaluated in one
 * batched product (Monte Carlo). `bias` has shape [fanOut] (or broadcastable to the output).
 */
export interface LinearLayer {
  readonly weight: tf.Tensor;
  readonly bias?: tf.Tensor;
}

/**
 * A fully connected leaky-ReLU network.
 * - `activateInput: true` is the paper's network: y(0) = x, y(l) = W(l) φ_a(y(l−1)) (φ_a applied
 *   before every matrix, the first included).
 * - `activateInput: false` is the authors' code (REFERENCE-SETUP.md): the first Linear acts on the
 *   raw input, φ_a between Linears, no activation after the last.
 */
export interface Network {
  readonly layers: readonly LinearLayer[];
  /** Negative slope a of φ_a (0 for ReLU). */
  readonly slope: number;
  readonly activateInput: boolean;
}

export interface ForwardOptions {
  /** Also return every Linear's pre-activation output (kept; the caller disposes them). */
  readonly tap?: boolean;
}

export interface ForwardResult {
  /** The last Linear's output. */
  readonly output: tf.Tensor;
  /** With `tap`: the output of Linear 1, …, L in order (the last one is `output` itself). */
  readonly taps: readonly tf.Tensor[];
}

/**
 * The single forward pass used by Monte Carlo and by training. Shapes: `x` is [batch, fanIn] with
 * unbatched weights, or [networks, batch, fanIn] with weights [networks, fanOut, fanIn]; the
 * output has the same leading shape with fanIn replaced by the last fanOut. Intermediate tensors
 * are released with tf.tidy; only `output` and the taps survive. Gradients flow through it
 * (weights may be tf.Variables).
 *
 * @example forward({ layers: [{ weight: tf.tensor2d([[1, -1]]) }], slope: 0, activateInput: true }, tf.tensor2d([[2, -3]])).output
 * // [[2]]  (φ_0([2, −3]) = [2, 0]; 1·2 − 1·0)
 */
export function forward(network: Network, x: tf.Tensor, options: ForwardOptions = {}): ForwardResult {
  if (network.layers.length === 0) throw new Error('forward: network.layers must not be empty');
  const tap = options.tap ?? false;
  const kept: tf.Tensor[] = [];
  const output = tf.tidy(() => {
    let h = x;
    network.layers.forEach((layer, index) => {
      if (index > 0 || network.activateInput) h = activate(h, network.slope);
      // h [.., batch, in] · Wᵀ [.., in, out]
      let y = tf.matMul(h, layer.weight, false, true);
      if (layer.bias !== undefined) y = tf.add(y, layer.bias);
      if (tap) kept.push(tf.keep(y));
      h = y;
    });
    return h;
  });
  return { output, taps: kept };
}

/** φ_a(x) = x for x > 0, a·x otherwise; a = 0 is ReLU. */
function activate(h: tf.Tensor, slope: number): tf.Tensor {
  return slope === 0 ? tf.relu(h) : tf.leakyRelu(h, slope);
}
