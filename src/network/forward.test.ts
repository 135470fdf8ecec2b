import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.ts';
import { forward } from './forward.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

/** y = W x row by row in float64, the reference the tfjs pass is compared with. */
function reference(weights: number[][][], x: number[], slope: number, activateInput: boolean, biases?: number[][]): number[][] {
  const outs: number[][] = [];
  let h = x;
  weights.forEach((W, l) => {
    const input = l > 0 || activateInput ? h.map((v) => (v > 0 ? v : slope * v)) : h;
    h = W.map((row, i) => row.reduce((s, w, j) => s + w * input[j]!, biases?.[l]?.[i] ?? 0));
    outs.push(h);
  });
  return outs;
}

describe('forward', () => {
  const W1 = [
    [1, -1, 0.5],
    [2, 0.25, -3],
  ];
  const W2 = [[-1, 4]];
  const x = [2, -3, 1];

  it('computes the paper network y(l) = W(l) φ_a(y(l−1)) and taps every layer', () => {
    const net = { layers: [{ weight: tf.tensor2d(W1) }, { weight: tf.tensor2d(W2) }], slope: 0.1, activateInput: true };
    const { output, taps } = forward(net, tf.tensor2d([x]), { tap: true });
    const expected = reference([W1, W2], x, 0.1, true);
    expect(taps).toHaveLength(2);
    taps.forEach((t, l) => Array.from(t.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[l]![i]!, 5)));
    expect(output.dataSync()[0]).toBeCloseTo(expected[1]![0]!, 5);
    tf.dispose([output, ...taps, ...net.layers.map((l) => l.weight)]);
  });

  it("computes the authors' architecture: first Linear on the raw input, biases added", () => {
    const b = [[0.5, -0.5], [1]];
    const net = {
      layers: [
        { weight: tf.tensor2d(W1), bias: tf.tensor1d(b[0]!) },
        { weight: tf.tensor2d(W2), bias: tf.tensor1d(b[1]!) },
      ],
      slope: 0,
      activateInput: false,
    };
    const { output } = forward(net, tf.tensor2d([x]));
    expect(output.dataSync()[0]).toBeCloseTo(reference([W1, W2], x, 0, false, b)[1]![0]!, 5);
  });

  it('evaluates stacked independent networks in one batched pass, each as on its own', () => {
    const Ws = [W1, W1.map((r) => r.map((v) => -2 * v))];
    const batched = forward({ layers: [{ weight: tf.tensor3d(Ws) }], slope: 0.2, activateInput: true }, tf.tensor3d([[x], [x.map((v) => v + 1)]]));
    const data = batched.output.dataSync();
    const single0 = reference([Ws[0]!], x, 0.2, true)[0]!;
    const single1 = reference([Ws[1]!], x.map((v) => v + 1), 0.2, true)[0]!;
    [...single0, ...single1].forEach((v, i) => expect(data[i]).toBeCloseTo(v, 5));
  });

  it('keeps tensor memory flat over many passes (only the outputs survive, and are disposed)', () => {
    const net = { layers: [{ weight: tf.randomNormal([64, 32]) }, { weight: tf.randomNormal([64, 64]) }, { weight: tf.randomNormal([10, 64]) }], slope: 0, activateInput: false };
    const input = tf.randomNormal([90, 32]);
    const before = tf.memory();
    for (let i = 0; i < 500; i++) {
      const { output, taps } = forward(net, input, { tap: true });
      tf.dispose([output, ...taps]);
    }
    const after = tf.memory();
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numBytes).toBe(before.numBytes);
  });

  it('rejects an empty network', () => {
    expect(() => forward({ layers: [], slope: 0, activateInput: true }, tf.tensor2d([[1]]))).toThrow(/forward: network.layers/);
  });
});
