import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../network/backend.ts';
import { createAdam } from './adam.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

/** Deterministic values in (−1, 1). */
function values(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1);
}

describe('createAdam', () => {
  it('takes PyTorch Adam steps (float64 reference) on a small (JavaScript) and a large (kernel) variable', () => {
    // 130×130 = 16900 elements takes the kernel path, 7 the JavaScript one.
    const start = tf.memory().numTensors;
    const shapes = [[130, 130], [7]];
    const initial = shapes.map((s, i) => values(s.reduce((a, b) => a * b, 1), 11 + i));
    const variables = tf.tidy(() => shapes.map((s, i) => tf.variable(tf.tensor(initial[i]!, s))));
    const [lr, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-8];
    const adam = createAdam(variables, { learningRate: lr, beta1: b1, beta2: b2, epsilon: eps });
    const p = initial.map((a) => Array.from(a));
    const m = p.map((a) => a.map(() => 0));
    const v = p.map((a) => a.map(() => 0));
    const before = tf.memory().numTensors;
    for (let t = 1; t <= 3; t++) {
      const gradsData = initial.map((a, i) => values(a.length, 100 * t + i).map((g) => g * 10 ** (i - t)));
      const grads = gradsData.map((g, i) => tf.tensor(g, shapes[i]));
      adam.step(grads);
      tf.dispose(grads);
      gradsData.forEach((g, k) =>
        g.forEach((gi, i) => {
          m[k]![i] = b1 * m[k]![i]! + (1 - b1) * gi;
          v[k]![i] = b2 * v[k]![i]! + (1 - b2) * gi * gi;
          p[k]![i]! -= ((lr / (1 - b1 ** t)) * m[k]![i]!) / (Math.sqrt(v[k]![i]!) / Math.sqrt(1 - b2 ** t) + eps);
        }),
      );
    }
    expect(tf.memory().numTensors).toBe(before);
    variables.forEach((variable, k) => {
      const got = variable.dataSync();
      // O(1) values after steps of ≈ lr: float32 rounding, far below the 0.01-sized steps.
      p[k]!.forEach((want, i) => expect(Math.abs(got[i]! - want)).toBeLessThan(2e-6));
      // Every element really moved (no gradient silently dropped).
      expect(got.every((x, i) => x !== initial[k]![i])).toBe(true);
    });
    adam.dispose();
    tf.dispose(variables);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('is deterministic and rejects a gradient list of the wrong length', () => {
    const run = (): Float32Array => {
      const variable = tf.tidy(() => tf.variable(tf.tensor(values(20000, 3), [100, 200])));
      const adam = createAdam([variable], { learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 });
      const g = tf.tensor(values(20000, 4), [100, 200]);
      adam.step([g]);
      adam.step([g]);
      expect(() => adam.step([])).toThrow(/expected 1 gradients, got 0/);
      const out = variable.dataSync() as Float32Array;
      adam.dispose();
      tf.dispose([variable, g]);
      return out;
    };
    expect(run()).toEqual(run());
  });
});
