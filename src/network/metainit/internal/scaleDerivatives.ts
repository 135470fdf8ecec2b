import * as tf from '@tensorflow/tfjs-core';
import { gradientQuotientGraph, type GradientQuotientGraphInputs } from './gradientQuotientGraph.ts';

/** GQ and its derivatives along each weight matrix's scale. */
export interface ScaleDerivatives {
  /** The gradient quotient at the given parameters. */
  readonly gradientQuotient: number;
  /** ⟨W_j, ∂GQ/∂W_j⟩ = d/ds GQ(…, s·W_j, …) at s = 1, one per weight matrix. */
  readonly scaleDerivatives: number[];
}

/**
 * The quantity MetaInit's update reads: GQ and, for each weight matrix, ⟨W_j, ∂GQ/∂W_j⟩ (the
 * reference code's `(p.data * g_all).sum()`, whose sign after division by ‖W_j‖ drives the step).
 * ∂GQ/∂W_j needs the third derivatives of the loss: `tf.valueAndGrads` around
 * {@link gradientQuotientGraph}, which itself nests two `tf.grads`. Frees every tensor it makes;
 * needs `ensureNestedGradients()` first. MetaInit uses `explicitGradientQuotientAndScaleDerivatives`
 * (explicitGradientQuotient.ts: the same quantity from explicit formulas, ≈ 8× fewer kernel calls);
 * this automatic-differentiation version is kept as its independent reference in the tests.
 *
 * @example gradientQuotientAndScaleDerivatives({ weights: [tf.tensor2d([[1, 0], [0, 1]])], biases: [undefined],
 *   slope: 0, activateInput: false, x: tf.tensor2d([[1, 0]]), oneHot: tf.tensor2d([[1, 0]]), eps: 1e-5 })
 * // { gradientQuotient: ≈ 0.6966, scaleDerivatives: [≈ −0.0909] } (GQ(s) = p(1−p) + 1/2, p = σ(s): dGQ/ds = p(1−p)(1−2p))
 */
export function gradientQuotientAndScaleDerivatives(inputs: GradientQuotientGraphInputs): ScaleDerivatives {
  const values = tf.tidy(() => {
    const weights = inputs.weights;
    const { value, grads } = tf.valueAndGrads((...ws: tf.Tensor[]) => gradientQuotientGraph({ ...inputs, weights: ws }))(weights as tf.Tensor[]);
    const dots = grads.map((g, j) => tf.sum(tf.mul(g, weights[j]!)));
    // GQ and every ⟨W_j, G_j⟩ read back in one transfer.
    return tf.stack([value, ...dots]).dataSync();
  });
  return { gradientQuotient: values[0]!, scaleDerivatives: Array.from(values.subarray(1)) };
}
