import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../network/backend.ts';
import { forward } from '../../network/forward.ts';
import type { WeightMatrix } from '../../network/init/types.ts';
import { hasWasmSimd } from './internal/simdKernel.ts';
import { layerVariances } from './layerVariances.ts';
import { gemmModesForTests } from '../../blas/internal/systemBlasForTests.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

/** Small deterministic generator (mulberry32) for test data. */
function rand(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function matrix(rows: number, cols: number, next: () => number): WeightMatrix {
  const data = new Float32Array(rows * cols);
  for (let i = 0; i < data.length; i++) data[i] = (next() * 2 - 1) * Math.sqrt(6 / cols);
  return { rows, cols, data };
}

function network(widths: readonly number[], next: () => number): WeightMatrix[] {
  return widths.slice(1).map((out, l) => matrix(out, widths[l]!, next));
}

/** Naive float64 reference: every unit's variance per layer, two-pass over all images. */
function reference(images: Float32Array, count: number, size: number, net: readonly WeightMatrix[], unit: number, slope: number): number[] {
  const values = net.map(() => new Float64Array(count));
  for (let i = 0; i < count; i++) {
    let h = Array.from(images.subarray(i * size, (i + 1) * size));
    net.forEach((m, l) => {
      const x = l === 0 ? h : h.map((v) => (v >= 0 ? v : slope * v));
      h = Array.from({ length: m.rows }, (_, r) => x.reduce((s, v, c) => s + m.data[r * m.cols + c]! * v, 0));
      values[l]![i] = h[unit]!;
    });
  }
  return values.map((v) => {
    const mean = v.reduce((s, x) => s + x, 0) / count;
    return v.reduce((s, x) => s + (x - mean) ** 2, 0) / (count - 1);
  });
}

function images(count: number, size: number, seed: number): Float32Array {
  const next = rand(seed);
  return Float32Array.from({ length: count * size }, () => next() * 2 - 1 + 0.3);
}

function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let l = 0; l < expected.length; l++) {
    expect(Math.abs(actual[l]! - expected[l]!)).toBeLessThanOrEqual(rtol * Math.abs(expected[l]!) + 1e-30);
  }
}

describe('layerVariances', () => {
  it('computes the documented example', () => {
    const [v] = layerVariances({
      images: new Float32Array([1, 5, -1, 0, 3, 2]),
      count: 3,
      size: 2,
      networks: [[{ rows: 1, cols: 2, data: new Float32Array([1, 0]) }, { rows: 1, cols: 1, data: new Float32Array([2]) }]],
    });
    expectClose(v!, [4, 28 / 3], 1e-12);
  });

  const kernels = hasWasmSimd() ? (['simd', 'js'] as const) : (['js'] as const);
  for (const kernel of kernels) {
    for (const slope of [0, 0.2, -0.5]) {
      it(`matches a naive float64 reference (kernel ${kernel}, slope ${slope}, several shapes, unit 1)`, () => {
        const next = rand(7);
        const size = 13;
        const count = 37;
        const x = images(count, size, 3);
        const networks = [network([size, 5, 5, 5, 4], next), network([size, 3, 7, 7, 2], next), network([size, 6], next), network([size, 4, 4, 4, 4, 4, 4, 3], next)];
        const got = layerVariances({ images: x, count, size, networks, unit: 1, slope, kernel, chunkSize: 10, networksPerGemm: 3 });
        networks.forEach((net, k) => expectClose(got[k]!, reference(x, count, size, net, 1, slope), 2e-4));
      });
    }
  }

  it.each(gemmModesForTests())('the first Linear through the GEMM interface ($name) matches the naive float64 reference, 40 networks (two GEMM blocks)', ({ gemm }) => {
    const next = rand(17);
    const size = 50;
    const count = 90;
    const x = images(count, size, 4);
    const networks = Array.from({ length: 40 }, () => network([size, 10, 10, 10], next));
    const got = layerVariances({ images: x, count, size, networks, chunkSize: 32, gemm });
    networks.forEach((net, k) => expectClose(got[k]!, reference(x, count, size, net, 0, 0), 2e-4));
    // Teeth: the reference of a network whose first matrix is scaled by 1.001 is told apart (variance × 1.002).
    const scaled = networks[0]!.map((m, l) => (l === 0 ? { ...m, data: m.data.map((v) => v * 1.001) } : m));
    expect(() => expectClose(got[0]!, reference(x, count, size, scaled, 0, 0), 2e-4)).toThrow();
  });

  it('agrees with the shared forward pass (taps) on a tiny network', () => {
    const next = rand(11);
    const size = 6;
    const count = 9;
    const slope = 0.1;
    const x = images(count, size, 5);
    const net = network([size, 4, 4, 4, 3], next);
    const [got] = layerVariances({ images: x, count, size, networks: [net], slope });
    const weights = net.map((m) => tf.tensor2d(m.data, [m.rows, m.cols]));
    const input = tf.tensor2d(x, [count, size]);
    const { output, taps } = forward({ layers: weights.map((weight) => ({ weight })), slope, activateInput: false }, input, { tap: true });
    const expected = taps.map((t) => {
      const column = Array.from(t.arraySync() as number[][], (row) => row[0]!);
      const mean = column.reduce((s, v) => s + v, 0) / count;
      return column.reduce((s, v) => s + (v - mean) ** 2, 0) / (count - 1);
    });
    tf.dispose([...weights, input, output, ...taps]);
    expectClose(got!, expected, 1e-4);
  });

  it('gives the same result chunked and unchunked, and leaks no tensor', () => {
    const next = rand(13);
    const size = 32;
    const count = 301;
    const x = images(count, size, 9);
    const networks = Array.from({ length: 5 }, () => network([size, 10, 10, 10, 10, 10], next));
    const before = tf.memory().numTensors;
    const whole = layerVariances({ images: x, count, size, networks });
    const chunked = layerVariances({ images: x, count, size, networks, chunkSize: 17, networksPerGemm: 2 });
    expect(tf.memory().numTensors).toBe(before);
    whole.forEach((v, k) => expectClose(chunked[k]!, v, 1e-9));
  });

  it('rejects bad options with a message naming the option', () => {
    const ok = { images: new Float32Array(6), count: 3, size: 2, networks: [[{ rows: 2, cols: 2, data: new Float32Array(4) }]] };
    expect(() => layerVariances({ ...ok, count: 2 })).toThrow(/options\.images has 6 values but count × size/);
    expect(() => layerVariances({ ...ok, images: new Float32Array(2), count: 1 })).toThrow(/options\.count must be an integer ≥ 2/);
    expect(() => layerVariances({ ...ok, size: 3, images: new Float32Array(9) })).toThrow(/networks\[0\]\[0\]\.cols = 2 must equal options\.size = 3/);
    expect(() => layerVariances({ ...ok, networks: [[ok.networks[0]![0]!, { rows: 1, cols: 3, data: new Float32Array(3) }]] })).toThrow(/networks\[0\]\[1\]\.cols = 3 must equal the previous layer's rows = 2/);
    expect(() => layerVariances({ ...ok, unit: 2 })).toThrow(/options\.unit = 2 is out of range/);
    expect(() => layerVariances({ ...ok, networks: [[{ rows: 2, cols: 2, data: new Float32Array(3) }]] })).toThrow(/networks\[0\]\[0\]\.data has 3 values/);
    expect(() => layerVariances({ ...ok, networks: [[]] })).toThrow(/networks\[0\] must be a non-empty array/);
  });
});
