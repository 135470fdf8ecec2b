import * as tf from '@tensorflow/tfjs-core';

/**
 * Mean softmax cross-entropy −(1/B) Σ_b log softmax(z_b)[y_b] of logits z [B, classes] against
 * one-hot targets [B, classes] — PyTorch's `nn.CrossEntropyLoss()` (reduction 'mean'), which the
 * authors' MetaInit uses. Built from primitives (max-shifted log-sum-exp: z − m − log Σ exp(z − m))
 * so that it can be differentiated three times: `tf.losses.softmaxCrossEntropy` and
 * `tf.logSoftmax` are `tf.customGrad` ops whose forward intermediates are not on the tape, so
 * nested gradients through them fail or lose terms. The shift m = max z cancels exactly, so its
 * own (tie-splitting) gradient does not change any derivative.
 *
 * @example crossEntropy(tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]])).dataSync()[0] // 0.6931472 (= log 2)
 */
export function crossEntropy(logits: tf.Tensor, oneHot: tf.Tensor): tf.Scalar {
  return tf.tidy(() => {
    const shifted = tf.sub(logits, tf.max(logits, 1, true));
    const logSumExp = tf.log(tf.sum(tf.exp(shifted), 1, true));
    const logProbabilities = tf.sub(shifted, logSumExp);
    return tf.neg(tf.mean(tf.sum(tf.mul(oneHot, logProbabilities), 1))) as tf.Scalar;
  });
}
