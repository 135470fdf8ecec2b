import { describe, expect, it } from 'vitest';
import { loadMnist } from './loadMnist.ts';
import { syntheticDataset } from './internal/inputStatsTestData.ts';
import { preprocessChannelMoments } from './preprocessChannelMoments.ts';

// float32 storage of the standardised values: |error| ≤ 2⁻²⁴ relative per value.
const F32 = 2 ** -23;

describe('preprocessChannelMoments', () => {
  it('agrees with a direct per-pixel computation (synthetic, 3 channels × 2 pixels, train and test)', () => {
    const ds = syntheticDataset({ name: 'cifar10', channels: 3, train: [[0, 10, 200, 30, 5, 6], [255, 10, 90, 90, 7, 250], [51, 20, 4, 4, 0, 1]], test: [[1, 2, 3, 4, 5, 6]] });
    for (const split of ['train', 'test'] as const) {
      const m = preprocessChannelMoments(ds, { method: 'authors', split });
      const s = ds[split];
      for (let c = 0; c < 3; c++) {
        const xs: number[] = [];
        for (let i = 0; i < s.count; i++) for (let k = 0; k < 2; k++) {
          const b = s.pixels[i * 6 + c * 2 + k]!;
          xs.push(Math.fround((b / 255 - [0.4914, 0.4822, 0.4465][c]!) / [0.2023, 0.1994, 0.201][c]!));
        }
        const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
        const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
        expect(m[c]!.mean).toBeCloseTo(mean, 14);
        expect(m[c]!.variance).toBeCloseTo(variance, 13);
      }
    }
  });

  it("'standardize' gives mean 0 and variance 1 on the training split (up to float32 storage)", () => {
    const ds = syntheticDataset({ name: 'cifar10', channels: 3, train: [[0, 9, 200], [255, 10, 90], [51, 20, 4], [7, 7, 7]] });
    for (const c of preprocessChannelMoments(ds, { method: 'standardize' })) {
      expect(Math.abs(c.mean)).toBeLessThan(4 * F32);
      expect(Math.abs(c.variance - 1)).toBeLessThan(4 * F32);
    }
  });

  it('real MNIST: authors → mean −1.28e-4, variance 1.0000507; standardize → 0 and 1 within float32', () => {
    const mnist = loadMnist();
    const [a] = preprocessChannelMoments(mnist, { method: 'authors' });
    expect(a!.mean).toBeCloseTo(-1.282958e-4, 9);
    expect(a!.variance).toBeCloseTo(1.00005066, 7);
    const [s] = preprocessChannelMoments(mnist, { method: 'standardize' });
    expect(Math.abs(s!.mean)).toBeLessThan(4 * F32);
    expect(Math.abs(s!.variance - 1)).toBeLessThan(4 * F32);
  });

  it('names a bad split', () => {
    const ds = syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 1]] });
    expect(() => preprocessChannelMoments(ds, { method: 'authors', split: 'val' as never })).toThrow(/options\.split/);
  });
});
