import { describe, expect, it } from 'vitest';
import { loadMnist } from './loadMnist.ts';
import { syntheticDataset } from './internal/inputStatsTestData.ts';
import { preprocess } from './preprocess.ts';
import { preprocessTable } from './preprocessTable.ts';

describe('preprocess', () => {
  it("'authors': (b/255 − mean)/std per channel in float64, stored float32, CHW channels", () => {
    const ds = syntheticDataset({ name: 'cifar10', channels: 3, train: [[0, 255, 128, 128, 255, 0]], test: [[1, 2, 3, 4, 5, 6]] });
    const before = Uint8Array.from(ds.train.pixels);
    const p = preprocess(ds, { method: 'authors' });
    const expected = [0, 255, 128, 128, 255, 0].map((b, i) => {
      const c = Math.floor(i / 2);
      return Math.fround((b / 255 - [0.4914, 0.4822, 0.4465][c]!) / [0.2023, 0.1994, 0.201][c]!);
    });
    expect(Array.from(p.train.values)).toEqual(expected);
    expect(p.train.size).toBe(6);
    expect(p.test.values[5]).toBe(Math.fround((6 / 255 - 0.4465) / 0.201));
    expect(ds.train.pixels).toEqual(before); // input not modified
  });

  it("'standardize' applies the TRAINING parameters to the test split", () => {
    const ds = syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 255]], test: [[0, 51]] });
    const p = preprocess(ds, { method: 'standardize' });
    // train mean 0.5, std 0.5: byte 0 → −1, 255 → 1, 51 → (0.2 − 0.5)/0.5 = −0.6
    expect(Array.from(p.train.values)).toEqual([-1, 1]);
    expect(p.test.values[1]).toBe(Math.fround(-0.6));
  });

  it('preprocessTable matches the stored values for every byte', () => {
    const t = preprocessTable({ method: 'authors', mean: [0.1307], std: [0.3081] });
    expect(t[0]).toBe(Math.fround(-0.1307 / 0.3081));
    expect(t[255]).toBe(Math.fround((1 - 0.1307) / 0.3081));
  });

  it('real MNIST: the stored value of byte 0 is −0.4242129…, of 255 2.8214867…', () => {
    const p = preprocess(loadMnist(), { method: 'authors' });
    expect(p.train.values.length).toBe(60000 * 784);
    expect(Math.min(...p.train.values.subarray(0, 784))).toBeCloseTo(-0.4242129, 6);
    expect(p.train.values.reduce((m, x) => Math.max(m, x), -Infinity)).toBeCloseTo(2.8214867, 6);
  });
});
