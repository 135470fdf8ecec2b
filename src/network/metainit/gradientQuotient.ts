import * as tf from '@tensorflow/tfjs-core';
import type { Network } from '../forward.ts';
import { oneHot } from './internal/oneHot.ts';
import { explicitGradientQuotient } from './internal/explicitGradientQuotient.ts';
import { ensureNestedGradients } from './internal/registerGradients.ts';
import { checkObject, checkReal } from './internal/validate.ts';

/** Options of {@link gradientQuotient}. */
export interface GradientQuotientOptions {
  /** An unbatched network (weights [fanOut, fanIn]); its parameters are every weight and every bias present. */
  readonly network: Network;
  /** Inputs [batch, fanIn of the first Linear], batch ≥ 1. */
  readonly x: tf.Tensor;
  /** One class index per row of x, each an integer in [0, fanOut of the last Linear). */
  readonly labels: ArrayLike<number>;
  /** ε > 0 of the denominator g + ε·sign(g) (default 1e-5, the reference code's). */
  readonly eps?: number;
}

/**
 * The gradient quotient (Dauphin & Schoenholz 2019, eq. 3) of the mean cross-entropy of `network`
 * on (x, labels), as the MetaInit reference code computes it:
 *
 *   GQ(θ) = (1/N) Σ_i |(g_i − (Hg)_i) / (g_i + ε·s_i) − 1|,   g = ∇L(θ), Hg = ∇(½‖g‖²),
 *
 * over all N parameters θ — weight matrices and biases — with s_i = 1 where g_i ≥ 0 and −1
 * otherwise; L is PyTorch's `CrossEntropyLoss` (mean over the batch). Since ∇L(θ − g) ≈ g − Hg,
 * GQ ≈ (1/N)‖∇L(θ − g) / ∇L(θ) − 1‖₁ (entrywise ratio): how much one unit gradient step changes
 * the gradient, 0 where the curvature along g vanishes; an entry with g_i = 0 (e.g. a dead unit)
 * contributes |−(Hg)_i/ε − 1|, so 1 when (Hg)_i = 0 too. Computed in float32 on the current tfjs
 * backend from explicit backprop and R-operator formulas (`internal/explicitGradientQuotient.ts`,
 * the same graph as `metaInit`'s steps, so a step's GQ is exactly this value); frees every
 * tensor it makes.
 *
 * @example gradientQuotient({ network: { layers: [{ weight: tf.tensor2d([[1, 0], [0, 1]]) }], slope: 0,
 *   activateInput: false }, x: tf.tensor2d([[1, 0]]), labels: [0] }) // ≈ 0.6966 = (2·2p(1−p) + 2)/4, p = σ(1)
 * @throws Error naming `gradientQuotient` and the field: network without layers or with batched
 *   weights, x not [batch ≥ 1, fanIn], labels of the wrong length or out of range, eps not > 0.
 */
export function gradientQuotient(options: GradientQuotientOptions): number {
  const api = 'gradientQuotient';
  checkObject(api, options);
  const { network, x, labels } = options;
  const eps = checkReal(api, 'eps', options.eps ?? 1e-5, { above: 0 });
  if (typeof network !== 'object' || network === null || !Array.isArray(network.layers) || network.layers.length === 0) {
    throw new Error(`${api}: options.network must have at least one layer`);
  }
  network.layers.forEach((layer, i) => {
    if (layer.weight.rank !== 2) throw new Error(`${api}: options.network.layers[${i}].weight must be [fanOut, fanIn], got shape [${layer.weight.shape.join(', ')}]`);
  });
  const fanIn = network.layers[0]!.weight.shape[1]!;
  const classes = network.layers[network.layers.length - 1]!.weight.shape[0]!;
  if (!(x instanceof tf.Tensor) || x.rank !== 2 || x.shape[0]! < 1 || x.shape[1] !== fanIn) {
    throw new Error(`${api}: options.x must be a tensor [batch >= 1, ${fanIn}], got ${x instanceof tf.Tensor ? `shape [${x.shape.join(', ')}]` : String(x)}`);
  }
  const batch = x.shape[0]!;
  if (labels === null || typeof labels !== 'object' || labels.length !== batch) {
    throw new Error(`${api}: options.labels must hold one label per row of x (${batch}), got ${labels === null || typeof labels !== 'object' ? String(labels) : `${labels.length}`}`);
  }
  for (let i = 0; i < batch; i++) {
    const label = labels[i]!;
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new Error(`${api}: options.labels[${i}] must be an integer in [0, ${classes}), got ${String(label)}`);
    }
  }
  // Not needed by the explicit formulas; kept so that the gradient configs registered in a process
  // that calls this stay what they were.
  ensureNestedGradients();
  return tf.tidy(() => {
    const gq = explicitGradientQuotient({
      weights: network.layers.map((l) => l.weight),
      biases: network.layers.map((l) => l.bias),
      slope: network.slope,
      activateInput: network.activateInput,
      x: x.dtype === 'float32' ? x : tf.cast(x, 'float32'),
      oneHot: oneHot(labels, classes),
      eps,
    });
    return gq.dataSync()[0]!;
  });
}
