import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../network/backend.ts';
import { INITIALISERS } from '../../network/init/initialisers.ts';
import { fixedDataEmpiricalVariance } from './fixedDataEmpiricalVariance.ts';

beforeAll(async () => {
  await initBackend({});
});

/** The same networks in float64 by hand: the registry called in the same order with the same seed. */
function byHand(o: { initialiser: 'he-normal' | 'gsm' | 'orthogonal'; width: number; depth: number; slope: number; networks: number; data: number[][]; seed: number }): number[][] {
  const rng = xoroshiro128plus(o.seed);
  const init = INITIALISERS[o.initialiser];
  const out: number[][] = Array.from({ length: o.depth + 1 }, () => []);
  const s2 = (v: number[]) => {
    const m = v.reduce((a, b) => a + b, 0) / v.length;
    return v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1);
  };
  for (let i = 0; i < o.networks; i++) {
    const Ws = Array.from({ length: o.depth }, (_, l) => init({ fanIn: o.width, fanOut: o.width, layerIndex: l, layerCount: o.depth, slope: o.slope, rng }));
    let h = o.data.map((x) => [...x]);
    out[0]!.push(s2(h.map((x) => x[0]!)));
    Ws.forEach((W, l) => {
      const input = l === 0 ? h : h.map((x) => x.map((v) => (v < 0 ? o.slope * v : v)));
      h = input.map((x) => Array.from({ length: o.width }, (_, r) => x.reduce((s, v, c) => s + W.data[r * o.width + c]! * v, 0)));
      out[l + 1]!.push(s2(h.map((x) => x[0]!)));
    });
  }
  return out;
}

describe('fixedDataEmpiricalVariance', () => {
  it('equals a float64 forward pass by hand on the same weights (first Linear on the raw input, φ_a between, unit 0), relative 1e-4', () => {
    const data = [[0.3, -1.2, 0.8, 2], [-0.5, 0.1, 1.1, -0.7], [1.4, 0.9, -0.2, 0.05], [-1, -1, 0.4, 0.6], [0.2, 0.7, -1.5, 0.3]];
    for (const [initialiser, slope] of [['he-normal', 0], ['gsm', 0.2], ['orthogonal', -0.5], ['he-normal', 2]] as const) {
      const o = { initialiser, width: 4, depth: 5, slope, networks: 3, data, seed: 9 };
      const got = fixedDataEmpiricalVariance(o);
      const want = byHand(o);
      expect(got).toHaveLength(6);
      got.forEach((layer, l) => layer.forEach((v, i) => expect(Math.abs(v - want[l]![i]!)).toBeLessThanOrEqual(1e-4 * want[l]![i]! + 1e-10)));
    }
  });
  it('the data set is the same for every network: layer 0 is the data\'s S² of feature 0 for all of them', () => {
    const got = fixedDataEmpiricalVariance({ initialiser: 'he-normal', width: 2, depth: 1, slope: 0, networks: 5, data: [[1, 0], [3, 0], [5, 1]], seed: 1 });
    expect([...got[0]!]).toEqual([4, 4, 4, 4, 4]);
  });
  it('bad input: one-line errors naming the option', () => {
    const base = { initialiser: 'he-normal' as const, width: 2, depth: 2, slope: 0, networks: 2, data: [[1, 0], [0, 1]], seed: 1 };
    expect(() => fixedDataEmpiricalVariance({ ...base, width: 0 })).toThrow(/options.width must be an integer ≥ 1, got 0/);
    expect(() => fixedDataEmpiricalVariance({ ...base, networks: 1.5 })).toThrow(/options.networks/);
    expect(() => fixedDataEmpiricalVariance({ ...base, data: [[1, 0]] })).toThrow(/options.data must be at least 2 rows of 2 finite numbers/);
    expect(() => fixedDataEmpiricalVariance({ ...base, data: [[1, 0], [0, Number.NaN]] })).toThrow(/options.data/);
    expect(() => fixedDataEmpiricalVariance({ ...base, data: [[1, 0], [0, 1, 2]] })).toThrow(/^fixedDataEmpiricalVariance: options.data must be at least 2 rows of 2 finite numbers$/);
    expect(() => fixedDataEmpiricalVariance({ ...base, initialiser: 'no-such' as 'he-normal' })).toThrow(/^fixedDataEmpiricalVariance: options.initialiser: unknown initialiser no-such$/);
    // The boundary is accepted: two rows are enough for S² (n − 1 = 1).
    expect(fixedDataEmpiricalVariance(base)).toHaveLength(3);
  });
  it('leaves no tensor behind (the weights, the data, every tap and the output are disposed)', () => {
    const before = tf.memory().numTensors;
    fixedDataEmpiricalVariance({ initialiser: 'gsm', width: 4, depth: 4, slope: 0.1, networks: 2, data: [[1, 0, 2, 1], [0, 1, -1, 3], [2, 2, 0, -1]], seed: 3 });
    expect(tf.memory().numTensors).toBe(before);
  });
});
