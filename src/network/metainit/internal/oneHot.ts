import * as tf from '@tensorflow/tfjs-core';

/**
 * One-hot float32 targets [labels.length, classes], built in JavaScript and uploaded.
 * Not `tf.oneHot(…, 'float32')`: tfjs-backend-wasm 4.22 writes that kernel's float32 output as
 * integer bit patterns (1 becomes 1.4e-45), which silently zeroes the loss gradient.
 * Labels are assumed to be integers in [0, classes).
 *
 * @example oneHot([2, 0], 3).dataSync() // Float32Array [0, 0, 1,  1, 0, 0]
 */
export function oneHot(labels: ArrayLike<number>, classes: number): tf.Tensor2D {
  const data = new Float32Array(labels.length * classes);
  for (let i = 0; i < labels.length; i++) data[i * classes + labels[i]!] = 1;
  return tf.tensor2d(data, [labels.length, classes]);
}
