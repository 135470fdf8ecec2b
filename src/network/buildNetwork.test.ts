import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.ts';
import { buildNetwork } from './buildNetwork.ts';
import { forward } from './forward.ts';
import { INITIALISERS } from './init/initialisers.ts';
import { referenceWidths } from './referenceWidths.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

describe('referenceWidths', () => {
  it("gives the authors' d + 1 Linears, depth 0 being a linear classifier", () => {
    expect(referenceWidths({ inputSize: 3072, width: 10, depth: 2 })).toEqual([3072, 10, 10, 10]);
    expect(referenceWidths({ inputSize: 784, width: 5, depth: 0 })).toEqual([784, 10]);
    expect(referenceWidths({ inputSize: 3072, width: 10, depth: 100 })).toHaveLength(102);
  });
  it('rejects bad sizes naming the field', () => {
    expect(() => referenceWidths({ inputSize: 784, width: 0, depth: 1 })).toThrow(/options.width/);
    expect(() => referenceWidths({ inputSize: 784, width: 5, depth: -1 })).toThrow(/options.depth/);
  });
});

describe('buildNetwork', () => {
  it('initialises every Linear by name in layer order, with zero biases, and runs through forward', () => {
    const widths = referenceWidths({ inputSize: 12, width: 8, depth: 3 });
    const net = buildNetwork({ widths, initialiser: INITIALISERS['zero'], slope: 0, seed: 1 });
    expect(net.layers).toHaveLength(4);
    expect(net.matrices.map((m) => [m.rows, m.cols])).toEqual([[8, 12], [8, 8], [8, 8], [10, 8]]);
    expect(Array.from(net.layers[0]!.bias!.dataSync())).toEqual(new Array(8).fill(0));
    const { output } = forward(net, tf.ones([5, 12]));
    expect(output.shape).toEqual([5, 10]);
    tf.dispose([output, ...net.parameters]);
  });

  it('is reproducible from its seed and frees everything it owns', () => {
    const before = tf.memory().numTensors;
    const a = buildNetwork({ widths: [6, 4, 3], initialiser: INITIALISERS['he-normal'], slope: 0, seed: 9, trainable: true });
    const b = buildNetwork({ widths: [6, 4, 3], initialiser: INITIALISERS['he-normal'], slope: 0, seed: 9 });
    expect(a.matrices).toEqual(b.matrices);
    tf.dispose([...a.parameters, ...b.parameters]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('rejects bad options naming the field', () => {
    expect(() => buildNetwork({ widths: [3], initialiser: INITIALISERS['zero'], slope: 0, seed: 1 })).toThrow(/options.widths/);
    expect(() => buildNetwork({ widths: [3, 2], initialiser: INITIALISERS['zero'], slope: 0, seed: 0.5 })).toThrow(/options.seed/);
  });
});
