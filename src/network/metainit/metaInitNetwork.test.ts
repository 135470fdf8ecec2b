import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.ts';
import { forward } from '../forward.ts';
import { metaInit } from './metaInit.ts';
import { metaInitNetwork } from './metaInitNetwork.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

describe('metaInitNetwork', () => {
  it("builds the network of metaInit's matrices with zero biases, ready for forward", () => {
    const before = tf.memory().numTensors;
    const options = { widths: [12, 6, 6, 4], seed: 5, steps: 6 };
    const net = metaInitNetwork(options);
    const direct = metaInit(options);
    expect(net.matrices).toEqual(direct.matrices);
    expect(net.metaInit.scales).toEqual(direct.scales);
    expect(net.metaInit.history).toEqual(direct.history);
    expect(net.activateInput).toBe(false);
    net.layers.forEach((layer, j) => {
      expect(Array.from(layer.weight.dataSync())).toEqual(Array.from(direct.matrices[j]!.data));
      expect(Array.from(layer.bias!.dataSync())).toEqual(new Array(options.widths[j + 1]).fill(0));
    });
    const x = tf.ones([3, 12]);
    const { output } = forward(net, x);
    expect(output.shape).toEqual([3, 4]);
    tf.dispose([x, output, ...net.parameters]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('passes bad options on to metaInit, which names the field', () => {
    expect(() => metaInitNetwork({ widths: [4, 2], seed: 1, steps: 0 })).toThrow(/metaInit: options\.steps/);
  });
});
