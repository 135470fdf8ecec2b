import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
// Side effect: tfjs's first-order gradient configs (tf.grads in the matMul test).
import '@tensorflow/tfjs';
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

  it('on wasm, computes every transposed matMul (and its gradients) correctly after its fast path is installed, without leaking', () => {
    // forward installs the wasm BatchMatMul that materialises transposes (products with m·k·n ≥ 2^15).
    const warm = forward({ layers: [{ weight: tf.ones([1, 1]) }], slope: 0, activateInput: false }, tf.ones([1, 1]));
    tf.dispose([warm.output, ...warm.taps]);
    const data = (n: number, seed: number): number[] => Array.from({ length: n }, (_, i) => Math.sin(seed * 1000 + i * 0.7));
    const product = (a: number[], b: number[], [batch, m, k, n]: number[], tA: boolean, tB: boolean): number[] => {
      const out: number[] = [];
      for (let z = 0; z < batch!; z++)
        for (let i = 0; i < m!; i++)
          for (let j = 0; j < n!; j++) {
            let sum = 0;
            for (let l = 0; l < k!; l++) {
              const av = tA ? a[z * k! * m! + l * m! + i]! : a[z * m! * k! + i * k! + l]!;
              const bv = tB ? b[z * n! * k! + j * k! + l]! : b[z * k! * n! + l * n! + j]!;
              sum += av * bv;
            }
            out.push(sum);
          }
      return out;
    };
    const before = tf.memory();
    for (const [batch, m, k, n] of [[1, 40, 50, 30], [3, 33, 41, 37]]) {
      for (const [tA, tB] of [[false, false], [false, true], [true, false], [true, true]] as const) {
        const aData = data(batch * m * k, 1);
        const bData = data(batch * k * n, 2);
        const shape = (rows: number, cols: number, t: boolean): number[] => [...(batch === 1 ? [] : [batch as number]), ...(t ? [cols, rows] : [rows, cols])];
        const a = tf.tensor(aData, shape(m, k, tA));
        const b = tf.tensor(bData, shape(k, n, tB));
        const got = tf.tidy(() => Array.from(tf.matMul(a, b, tA, tB).dataSync()));
        product(aData, bData, [batch, m, k, n], tA, tB).forEach((want, i) => expect(got[i]).toBeCloseTo(want, 3));
        // d/da Σ (a·b) and d/db through the same kernel (the gradients use flagged products too).
        const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.matMul(x, y, tA, tB)))([a, b]);
        const ones = (rows: number, cols: number): number[] => new Array(batch * rows * cols).fill(1);
        // dA = 1·Bᵀ summed: entry (i, l) of op(A) gets Σ_j op(B)[l, j]; check against the reference product.
        const dOpA = product(ones(m, n), bData, [batch, m, n, k], false, !tB);
        const daOp = tf.tidy(() => Array.from((tA ? tf.transpose(da!, batch === 1 ? [1, 0] : [0, 2, 1]) : da!).dataSync()));
        dOpA.forEach((want, i) => expect(daOp[i]).toBeCloseTo(want, 3));
        const dOpB = product(aData, ones(m, n), [batch, k, m, n], !tA, false);
        const dbOp = tf.tidy(() => Array.from((tB ? tf.transpose(db!, batch === 1 ? [1, 0] : [0, 2, 1]) : db!).dataSync()));
        dOpB.forEach((want, i) => expect(dbOp[i]).toBeCloseTo(want, 3));
        tf.dispose([a, b, da!, db!]);
      }
    }
    const after = tf.memory() as tf.MemoryInfo & { numDataBuffers: number };
    expect(after.numTensors).toBe(before.numTensors);
    expect(after.numDataBuffers).toBe((before as typeof after).numDataBuffers);
  });

  it('rejects an empty network', () => {
    expect(() => forward({ layers: [], slope: 0, activateInput: true }, tf.tensor2d([[1]]))).toThrow(/forward: network.layers/);
  });
});
