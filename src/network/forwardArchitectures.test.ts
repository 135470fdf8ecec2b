import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import '@tensorflow/tfjs';
import { initBackend } from './backend.ts';
import { convGeometry, type ConvPadding } from './conv/convGeometry.ts';
import { convUnitTap } from './conv/convUnitTap.ts';
import { forward, type Network } from './forward.ts';
import { parseArchitecture } from './architecture/parseArchitecture.ts';
import { branchScaleValue } from './residual/branchScale.ts';
import { parseBranchScale } from './residual/parseBranchScale.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

/** Deterministic pseudo-random numbers in [−1, 1). */
const values = (n: number, seed: number) => Array.from({ length: n }, (_, i) => Math.sin(seed * 97.13 + i * 12.9898) * 0.999);

/** Naive float64 convolution on the flat layout (position-major, channel-minor), the reference. */
function naiveConv(x: number[], W: number[][], o: { spatial: number[]; C: number; Cout: number; K: number; S: number; padding: ConvPadding }): number[] {
  const dims = o.spatial.length;
  const out = o.spatial.map((n) => Math.ceil(n / o.S));
  const shift = Math.floor((o.K - 1) / 2);
  const at = (coords: number[], c: number): number => {
    const wrapped = coords.map((v, d) => (o.padding === 'circular' ? ((v % o.spatial[d]!) + o.spatial[d]!) % o.spatial[d]! : v));
    if (wrapped.some((v, d) => v < 0 || v >= o.spatial[d]!)) return 0;
    const p = dims === 1 ? wrapped[0]! : wrapped[0]! * o.spatial[1]! + wrapped[1]!;
    return x[p * o.C + c]!;
  };
  const y: number[] = [];
  const positions = out.reduce((a, b) => a * b, 1);
  for (let p = 0; p < positions; p++) {
    const oc = dims === 1 ? [p] : [Math.floor(p / out[1]!), p % out[1]!];
    for (let co = 0; co < o.Cout; co++) {
      let s = 0;
      for (let t = 0; t < o.K ** dims; t++) {
        const tc = dims === 1 ? [t] : [Math.floor(t / o.K), t % o.K];
        for (let c = 0; c < o.C; c++) s += W[co]![t * o.C + c]! * at(oc.map((v, d) => o.S * v + tc[d]! - shift), c);
      }
      y.push(s);
    }
  }
  return y;
}

describe('conv layers on the forward pass', () => {
  const cases = [
    { spatial: [7], C: 2, Cout: 3, K: 3, S: 1, padding: 'circular' as const },
    { spatial: [7], C: 2, Cout: 3, K: 3, S: 2, padding: 'zero' as const },
    { spatial: [5], C: 1, Cout: 2, K: 4, S: 3, padding: 'circular' as const },
    { spatial: [10], C: 4, Cout: 4, K: 3, S: 8, padding: 'circular' as const },
    { spatial: [4, 5], C: 2, Cout: 2, K: 3, S: 1, padding: 'zero' as const },
    { spatial: [4, 5], C: 3, Cout: 2, K: 2, S: 2, padding: 'circular' as const },
  ];
  it.each(cases)('matches a naive float64 convolution: %o', (o) => {
    const g = convGeometry({ spatial: o.spatial, channelsIn: o.C, channelsOut: o.Cout, kernel: o.K, stride: o.S, padding: o.padding });
    expect(g.fanIn).toBe(o.C * o.K ** o.spatial.length);
    const P = o.spatial.reduce((a, b) => a * b, 1);
    const x = values(P * o.C, 1);
    const W = Array.from({ length: o.Cout }, (_, i) => values(g.fanIn, i + 2));
    const net: Network = { slope: 0, activateInput: false, layers: [{ kind: 'conv', weight: tf.tensor2d(W), geometry: g }] };
    const y = forward(net, tf.tensor2d([x])).output;
    const expected = naiveConv(x, W, o);
    expect(y.shape).toEqual([1, g.positionsOut * o.Cout]);
    Array.from(y.dataSync()).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    tf.dispose([y, ...net.layers.map((l) => l.weight)]);
  });

  it('agrees with tf.conv1d / tf.conv2d ("same", zero padding, stride 1)', () => {
    const x1 = values(9 * 3, 3);
    const g1 = convGeometry({ spatial: [9], channelsIn: 3, channelsOut: 2, kernel: 3, stride: 1, padding: 'zero' });
    const W1 = Array.from({ length: 2 }, (_, i) => values(9, 10 + i));
    // tf filter [K, C_in, C_out]: filter[t][c][o] = W[o][t·C + c]
    const f1 = tf.tensor3d(Array.from({ length: 3 }, (_, t) => Array.from({ length: 3 }, (_, c) => [0, 1].map((o) => W1[o]![t * 3 + c]!))));
    const ref1 = tf.conv1d(tf.tensor3d(x1, [1, 9, 3]), f1, 1, 'same').dataSync();
    const got1 = forward({ slope: 0, activateInput: false, layers: [{ kind: 'conv', weight: tf.tensor2d(W1), geometry: g1 }] }, tf.tensor2d([x1])).output.dataSync();
    Array.from(got1).forEach((v, i) => expect(v).toBeCloseTo(ref1[i]!, 5));
    const x2 = values(4 * 5 * 2, 4);
    const g2 = convGeometry({ spatial: [4, 5], channelsIn: 2, channelsOut: 3, kernel: 3, stride: 1, padding: 'zero' });
    const W2 = Array.from({ length: 3 }, (_, i) => values(18, 20 + i));
    const f2 = tf.tensor4d(Array.from({ length: 3 }, (_, a) => Array.from({ length: 3 }, (_, b) => Array.from({ length: 2 }, (_, c) => [0, 1, 2].map((o) => W2[o]![(a * 3 + b) * 2 + c]!)))));
    const ref2 = tf.conv2d(tf.tensor4d(x2, [1, 4, 5, 2]), f2, 1, 'same').dataSync();
    const got2 = forward({ slope: 0, activateInput: false, layers: [{ kind: 'conv', weight: tf.tensor2d(W2), geometry: g2 }] }, tf.tensor2d([x2])).output.dataSync();
    Array.from(got2).forEach((v, i) => expect(v).toBeCloseTo(ref2[i]!, 5));
  });

  it('batched networks ([networks, batch, features], one filter per network) equal one-by-one passes, with φ before the conv', () => {
    const g = convGeometry({ spatial: [6], channelsIn: 2, channelsOut: 2, kernel: 3, stride: 1, padding: 'circular' });
    const Ws = [0, 1, 2].map((k) => Array.from({ length: 2 }, (_, i) => values(6, 30 + 2 * k + i)));
    const xs = [0, 1, 2].map((k) => [values(12, 40 + k), values(12, 50 + k)]);
    const batched = forward({ slope: 0.3, activateInput: true, layers: [{ kind: 'conv', weight: tf.tensor3d(Ws), geometry: g }] }, tf.tensor3d(xs)).output.arraySync() as number[][][];
    [0, 1, 2].forEach((k) => {
      const single = forward({ slope: 0.3, activateInput: true, layers: [{ kind: 'conv', weight: tf.tensor2d(Ws[k]!), geometry: g }] }, tf.tensor2d(xs[k]!)).output.arraySync() as number[][];
      single.forEach((row, b) => row.forEach((v, i) => expect(batched[k]![b]![i]).toBeCloseTo(v, 5)));
      const expected = naiveConv(xs[k]![1]!.map((v) => (v > 0 ? v : 0.3 * v)), Ws[k]!, { spatial: [6], C: 2, Cout: 2, K: 3, S: 1, padding: 'circular' });
      single[1]!.forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    });
  });

  it('the per-position tap takes the C channels of the centre position (or a given one)', () => {
    const data = new Float32Array([0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15]);
    expect(Array.from(convUnitTap(data, { spatialOut: [3], channelsOut: 2 }))).toEqual([2, 3, 12, 13]);
    expect(Array.from(convUnitTap(data, { spatialOut: [3], channelsOut: 2 }, 0))).toEqual([0, 1, 10, 11]);
    // 2-D 2×3 positions, 1 channel: centre (1, 1) → position 4
    expect(Array.from(convUnitTap(new Float32Array([0, 1, 2, 3, 4, 5]), { spatialOut: [2, 3], channelsOut: 1 }))).toEqual([4]);
    expect(() => convUnitTap(data, { spatialOut: [3], channelsOut: 2 }, 3)).toThrow(/position/);
  });

  it('rejects bad geometry naming the field', () => {
    expect(() => convGeometry({ spatial: [4], channelsIn: 1, channelsOut: 1, kernel: 0, stride: 1, padding: 'zero' })).toThrow(/kernel/);
    expect(() => convGeometry({ spatial: [4, 4, 4], channelsIn: 1, channelsOut: 1, kernel: 1, stride: 1, padding: 'zero' })).toThrow(/spatial/);
  });
});

describe('residual blocks on the forward pass', () => {
  const W1 = [
    [0.5, -1, 0.25],
    [2, 0.1, -0.3],
    [-0.7, 0.4, 1.2],
  ];
  const W2 = [
    [1, 0, -0.5],
    [0.3, -0.2, 0.9],
    [0, 1.5, -1],
  ];
  const x = [1.5, -2, 0.4];
  const phi = (v: number[]) => v.map((t) => (t > 0 ? t : 0.1 * t));
  const mv = (W: number[][], v: number[]) => W.map((row) => row.reduce((s, w, j) => s + w * v[j]!, 0));
  const add = (a: number[], b: number[], alpha: number) => a.map((v, i) => v + alpha * b[i]!);
  const run = (variant: 'simple' | 'pre' | 'post', alpha: number) =>
    Array.from(forward({ slope: 0.1, activateInput: true, layers: [{ kind: 'residual', variant, alpha, weight: tf.tensor2d(W1), weight2: tf.tensor2d(W2) }] }, tf.tensor2d([x])).output.dataSync());
  it('simple: y + α·W·φ(y)', () => run('simple', 0.3).forEach((v, i) => expect(v).toBeCloseTo(add(x, mv(W1, phi(x)), 0.3)[i]!, 5)));
  it('pre-activation: y + α·W₂·φ(W₁·φ(y))', () => run('pre', 0.7).forEach((v, i) => expect(v).toBeCloseTo(add(x, mv(W2, phi(mv(W1, phi(x)))), 0.7)[i]!, 5)));
  it('post-activation: φ(y + α·W₂·φ(W₁·y))', () => run('post', 1).forEach((v, i) => expect(v).toBeCloseTo(phi(add(x, mv(W2, phi(mv(W1, x))), 1))[i]!, 5)));
  it('a zero-initialised branch (α = 0) is the identity block', () => run('simple', 0).forEach((v, i) => expect(v).toBeCloseTo(x[i]!, 6)));
  it('branch scales: fixed, 1/√L, 1/L, zero; bad ones rejected with the text', () => {
    expect(branchScaleValue(parseBranchScale('0.1'), 20)).toBe(0.1);
    expect(branchScaleValue(parseBranchScale('1/sqrt(L)'), 16)).toBe(0.25);
    expect(branchScaleValue(parseBranchScale('1/L'), 20)).toBe(0.05);
    expect(branchScaleValue(parseBranchScale('zero'), 20)).toBe(0);
    expect(() => parseBranchScale('1.5')).toThrow(/got '1.5'/);
  });
});

describe('parseArchitecture', () => {
  it('parses every form', () => {
    expect(parseArchitecture('plain')).toEqual({ kind: 'plain' });
    expect(parseArchitecture('residual:0.1')).toEqual({ kind: 'residual', scale: { kind: 'fixed', alpha: 0.1 }, variant: 'simple' });
    expect(parseArchitecture('residual:1/L:pre')).toEqual({ kind: 'residual', scale: { kind: 'inv-depth' }, variant: 'pre' });
    expect(parseArchitecture('conv1d:4,3,8')).toEqual({ kind: 'conv', dims: 1, channels: 4, kernel: 3, stride: 8, padding: 'circular' });
    expect(parseArchitecture('conv2d:3,3,6,6,zero')).toEqual({ kind: 'conv', dims: 2, channels: 3, kernel: 3, height: 6, width: 6, stride: 1, padding: 'zero' });
    expect(parseArchitecture('conv2d:3,3,6,6,2')).toMatchObject({ stride: 2, padding: 'circular' });
  });
  it.each([
    ['dense', /unknown architecture 'dense'/],
    ['conv1d:4,3', /conv1d:C,K,S needs 3 integers/],
    ['conv1d:4,x,1', /K must be an integer >= 1, got 'x'/],
    ['conv2d:3,3,0,6', /H must be an integer >= 1, got '0'/],
    ['residual:2', /branch scale must be a number in \[0, 1\]/],
    ['residual:0.5:side', /residual variant must be simple, pre or post, got 'side'/],
  ])('rejects %s', (text, message) => expect(() => parseArchitecture(text)).toThrow(message));
});
