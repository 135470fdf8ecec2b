import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../backend.ts';
import { crossEntropy } from './crossEntropy.ts';
import { ensureNestedGradients } from './registerGradients.ts';
import { FEW_ROUNDINGS_RELATIVE } from './tolerances.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
  ensureNestedGradients();
});

/** d^k f/dx^k at x (scalar), by nesting tf.grad k times. */
function nth(f: (x: tf.Tensor) => tf.Tensor, k: number, x: number): number {
  let g = f;
  for (let i = 0; i < k; i++) {
    const inner = g;
    g = (t: tf.Tensor) => tf.grad(inner)(t);
  }
  return tf.tidy(() => g(tf.scalar(x)).dataSync()[0]!);
}

// float32 values of O(1): a few roundings each (tolerances.ts).
const close = (got: number, want: number): void => {
  expect(Math.abs(got - want), `got ${got}, want ${want}`).toBeLessThanOrEqual(FEW_ROUNDINGS_RELATIVE * Math.max(1, Math.abs(want)));
};

describe('ensureNestedGradients', () => {
  it('makes exp differentiable three times (no saved output: the canonical config loses these terms)', () => {
    for (const k of [1, 2, 3]) close(nth((x) => tf.exp(x), k, 0.5), Math.exp(0.5));
  });

  it('differentiates products, quotients, logs and squares to third order', () => {
    // f = x²·x/(x + 1) + log x at x = 2, derivatives by hand:
    // x³/(x+1): f' = (2x³ + 3x²)/(x+1)², f'' = 2x(x² + 3x + 3)/(x+1)³, f''' = 6/(x+1)⁴; log: 1/x, −1/x², 2/x³.
    const f = (x: tf.Tensor): tf.Tensor => tf.add(tf.div(tf.mul(tf.square(x), x), tf.add(x, 1)), tf.log(x));
    close(nth(f, 1, 2), 28 / 9 + 1 / 2);
    close(nth(f, 2, 2), 52 / 27 - 1 / 4);
    close(nth(f, 3, 2), 6 / 81 + 1 / 4);
  });

  it("gives ReLU, leaky ReLU, abs, step and sign PyTorch's derivatives, with zero second derivative", () => {
    close(nth((x) => tf.relu(x), 1, 0), 0); // φ'(0) = 0
    close(nth((x) => tf.relu(x), 1, 1.5), 1);
    close(nth((x) => tf.leakyRelu(x, 0.2), 1, -1), 0.2);
    close(nth((x) => tf.leakyRelu(x, 0.2), 1, 0), 0.2);
    close(nth((x) => tf.mul(tf.relu(x), x), 2, 1.5), 2); // d²(x·relu x)/dx² = 2 for x > 0
    close(nth((x) => tf.abs(x), 1, 0), 0); // sign(0) = 0, as torch.abs's backward
    close(nth((x) => tf.abs(x), 1, -3), -1);
    close(nth((x) => tf.mul(tf.step(x), x), 1, 2), 1);
    close(nth((x) => tf.mul(tf.sign(x), tf.square(x)), 2, -2), -2);
  });

  it('differentiates matMul, broadcasting add and reductions to second order', () => {
    // f(W) = ½ Σ (xWᵀ + b)², x = [[1, 2]], b = [0.5]: ∇f = r·x with r = x·w + b, H = xᵀx, H·v = (x·v)·x.
    const x = tf.tensor2d([[1, 2]]);
    const b = tf.tensor1d([0.5]);
    const w = tf.tensor2d([[0.3, -0.1]]);
    const v = tf.tensor2d([[2, 1]]);
    const f = (wt: tf.Tensor): tf.Scalar => tf.mul(0.5, tf.sum(tf.square(tf.add(tf.matMul(x, wt, false, true), b)))) as tf.Scalar;
    const hv = tf.tidy(() => tf.grad((wt: tf.Tensor) => tf.sum(tf.mul(tf.grad(f)(wt), v)))(w).dataSync());
    // x·v = 1·2 + 2·1 = 4 → H·v = 4·(1, 2)
    close(hv[0]!, 4);
    close(hv[1]!, 8);
    // max: the gradient goes to the maximal entry
    const gm = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.max(t, 1)))(tf.tensor2d([[1, 3, 2]])).dataSync());
    expect(Array.from(gm)).toEqual([0, 1, 0]);
    tf.dispose([x, b, w, v]);
  });

  it('makes the cross-entropy twice differentiable: H·v of the logits is (diag p − ppᵀ)v / batch', () => {
    const z = tf.tensor2d([[0.3, -1.2, 0.8]]);
    const y = tf.tensor2d([[0, 0, 1]]);
    const v = tf.tensor2d([[1, 2, -1]]);
    const p = [0.3, -1.2, 0.8].map(Math.exp);
    const total = p.reduce((a, b) => a + b, 0);
    const q = p.map((e) => e / total);
    const pv = q[0]! * 1 + q[1]! * 2 - q[2]!;
    const expected = [1, 2, -1].map((vi, i) => q[i]! * (vi - pv));
    const got = tf.tidy(() => tf.grad((t: tf.Tensor) => tf.sum(tf.mul(tf.grad((u: tf.Tensor) => crossEntropy(u, y))(t), v)))(z).dataSync());
    expected.forEach((e, i) => close(got[i]!, e));
    close(tf.tidy(() => crossEntropy(tf.tensor2d([[0, 0]]), tf.tensor2d([[1, 0]])).dataSync()[0]!), Math.log(2));
    tf.dispose([z, y, v]);
  });

  it('is idempotent and leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    ensureNestedGradients();
    nth((x) => tf.exp(x), 3, 0.1);
    expect(tf.memory().numTensors).toBe(before);
  });
});
