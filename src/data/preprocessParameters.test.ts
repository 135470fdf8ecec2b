import { describe, expect, it } from 'vitest';
import { syntheticDataset } from './internal/inputStatsTestData.ts';
import { preprocessParameters } from './preprocessParameters.ts';
import { DataError } from './types.ts';

describe('preprocessParameters', () => {
  it("'authors' returns the torchvision constants verbatim", () => {
    const mnist = syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 255]] });
    expect(preprocessParameters(mnist, { method: 'authors' })).toEqual({ method: 'authors', mean: [0.1307], std: [0.3081] });
    const cifar = syntheticDataset({ name: 'cifar10', channels: 3, train: [[0, 1, 2]] });
    expect(preprocessParameters(cifar, { method: 'authors' })).toEqual({ method: 'authors', mean: [0.4914, 0.4822, 0.4465], std: [0.2023, 0.1994, 0.201] });
  });

  it("'standardize' uses the exact per-channel training mean and population variance of byte/255", () => {
    // channel 0 bytes {0, 255, 51, 102}: mean 102/255 = 0.4, population var of b/255 = (0.16 + 0.36 + 0.04 + 0)/4 = 0.14.
    // channel 1 bytes {10, 10, 20, 20}: mean 15/255, var 25/255².
    const ds = syntheticDataset({ name: 'cifar10', channels: 2, train: [[0, 10], [255, 10], [51, 20], [102, 20]], test: [[0, 0]] });
    const p = preprocessParameters(ds, { method: 'standardize' });
    expect(p.mean[0]).toBe(102 / 255);
    expect(p.std[0]).toBeCloseTo(Math.sqrt(0.14), 15);
    expect(p.mean[1]).toBe(15 / 255);
    expect(p.std[1]).toBe(5 / 255);
  });

  it('uses the training split only', () => {
    const a = syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 255]], test: [[7, 7]] });
    const b = syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 255]], test: [[100, 200]] });
    expect(preprocessParameters(a, { method: 'standardize' })).toEqual(preprocessParameters(b, { method: 'standardize' }));
  });

  it('rejects a constant channel (DataError), malformed data (DataError naming the field) and an unknown method', () => {
    expect(() => preprocessParameters(syntheticDataset({ name: 'mnist', channels: 1, train: [[3, 3], [3, 3]] }), { method: 'standardize' })).toThrow(DataError);
    const bad = { ...syntheticDataset({ name: 'mnist', channels: 1, train: [[1, 2]] }), train: { count: 2, size: 2, pixels: new Uint8Array(3), labels: new Uint8Array(2) } };
    expect(() => preprocessParameters(bad, { method: 'standardize' })).toThrow(/split\.pixels/);
    expect(() => preprocessParameters(syntheticDataset({ name: 'mnist', channels: 1, train: [[1, 2]] }), { method: 'zscore' as never })).toThrow(/options\.method/);
  });
});
