import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../network/backend.ts';
import type { Network } from '../network/forward.ts';
import { evaluateAccuracy } from './evaluateAccuracy.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

/** One Linear [[1], [−1]] without bias: logit 0 is x, logit 1 is −x, so the class is 0 iff x ≥ 0 (tie → 0). */
function sign(weight: number[][] = [[1], [-1]]): Network {
  return { layers: [{ weight: tf.tensor2d(weight) }], slope: 0, activateInput: false };
}

describe('evaluateAccuracy', () => {
  it('scores every example, in any chunking, ties going to the first class', () => {
    const net = sign();
    const data = { values: new Float32Array([2, -3, 0, 5, -1]), labels: new Uint8Array([0, 0, 0, 1, 1]), count: 5, size: 1 };
    // logits: [2,−2] ✓, [−3,3] → 1 ✗, [0,0] tie → 0 ✓, [5,−5] → 0 ✗, [−1,1] → 1 ✓: 3 of 5.
    const before = tf.memory().numTensors;
    for (const chunkSize of [1, 2, 1000]) expect(evaluateAccuracy({ network: net, data, chunkSize })).toEqual({ accuracy: 0.6, correct: 3, count: 5, nonFinite: 0 });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(net.layers[0]!.weight);
  });

  it('returns accuracy null (not a score) when a logit is NaN or ±Inf', () => {
    const net = sign([[Number.NaN], [1]]);
    const data = { values: new Float32Array([1, 2]), labels: new Uint8Array([0, 1]), count: 2, size: 1 };
    expect(evaluateAccuracy({ network: net, data })).toMatchObject({ accuracy: null, nonFinite: 2 });
    tf.dispose(net.layers[0]!.weight);
  });

  it('rejects malformed data naming the field', () => {
    const net = sign();
    const data = { values: new Float32Array([1, 2]), labels: new Uint8Array([0, 1]), count: 2, size: 1 };
    expect(() => evaluateAccuracy({ network: net, data, chunkSize: 0 })).toThrow(/options\.chunkSize/);
    expect(() => evaluateAccuracy({ network: net, data: { ...data, count: 3 } })).toThrow(/options\.data\.values/);
    expect(() => evaluateAccuracy({ network: net, data: { ...data, labels: new Uint8Array(1) } })).toThrow(/options\.data\.labels/);
    tf.dispose(net.layers[0]!.weight);
  });
});
