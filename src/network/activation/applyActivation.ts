import * as tf from '@tensorflow/tfjs-core';
import type { Activation } from './types.ts';

/**
 * Applies the activation entry-wise with tfjs ops (gradients flow): leaky ReLU through
 * tf.relu/tf.leakyRelu, tanh, sigmoid, softplus and SELU through their kernels, GELU as
 * ½x(1 + erf(x/√2)) (exact GELU), SiLU as x·sigmoid(x). Must be called inside the caller's tf.tidy.
 *
 * @example applyActivation(tf.tensor1d([-1, 2]), { name: 'leaky-relu', slope: 0.5 }) // [-0.5, 2]
 */
export function applyActivation(h: tf.Tensor, a: Activation): tf.Tensor {
  switch (a.name) {
    case 'leaky-relu':
      return a.slope === 0 ? tf.relu(h) : a.slope === 1 ? h : tf.leakyRelu(h, a.slope);
    case 'identity':
      return h;
    case 'tanh':
      return tf.tanh(h);
    case 'sigmoid':
      return tf.sigmoid(h);
    case 'gelu':
      return tf.mul(tf.mul(h, 0.5), tf.add(tf.erf(tf.mul(h, Math.SQRT1_2)), 1));
    case 'silu':
      return tf.mul(h, tf.sigmoid(h));
    case 'softplus':
      return tf.softplus(h);
    case 'selu':
      return tf.selu(h);
  }
}
