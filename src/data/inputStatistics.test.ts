import { describe, expect, it } from 'vitest';
import { rademacher } from '../distributions/rademacher.ts';
import { uniform } from '../distributions/uniform.ts';
import { loadMnist } from './loadMnist.ts';
import { inputStatistics } from './inputStatistics.ts';
import { syntheticDataset } from './internal/inputStatsTestData.ts';
import { preprocess } from './preprocess.ts';

describe('inputStatistics', () => {
  it('equals the closed form evaluated directly on the preprocessed float32 images (synthetic CIFAR-like, 3 channels)', () => {
    const ds = syntheticDataset({ name: 'cifar10', channels: 3, train: [[0, 10, 200, 30, 5, 6], [255, 10, 90, 90, 7, 250], [51, 20, 4, 4, 0, 1], [9, 9, 9, 9, 9, 9]] });
    for (const method of ['authors', 'standardize'] as const) {
      for (const weights of [undefined, rademacher(), uniform()]) {
        const s = inputStatistics(ds, { preprocessing: method, ...(weights ? { weights } : {}) });
        const kw = weights?.kurtosis ?? 3;
        const x = preprocess(ds, { method }).train.values;
        const n2: number[] = [];
        const q4: number[] = [];
        for (let i = 0; i < 4; i++) {
          const img = Array.from(x.subarray(i * 6, i * 6 + 6));
          n2.push(img.reduce((a, v) => a + v * v, 0));
          q4.push(img.reduce((a, v) => a + v ** 4, 0));
        }
        const mean = (a: number[]) => a.reduce((p, v) => p + v, 0) / a.length;
        const m1 = mean(n2);
        const m2 = mean(n2.map((v) => v * v));
        const v = 2 / 6;
        expect(s.fanIn).toBe(6);
        expect(s.sigma2).toBeCloseTo(v * m1, 13);
        expect(s.kappa0).toBeCloseTo(((kw - 3) * mean(q4) + 3 * m2) / m1 ** 2, 12);
        expect(s.c0).toBeCloseTo(v * v * (m2 - m1 * m1), 12);
        expect(s.c0Normalized).toBeCloseTo(m2 / m1 ** 2 - 1, 12);
      }
    }
  });

  it("real MNIST (60 000 training images, He-normal): authors σ² 2.0001014, κ0 3.2886664, c0 0.3849275, c0/σ⁴ 0.0962221", () => {
    const mnist = loadMnist();
    const a = inputStatistics(mnist, { preprocessing: 'authors' });
    expect(a.images).toBe(60000);
    expect(a.fanIn).toBe(784);
    expect(a.sigma2).toBeCloseTo(2.000101351, 8);
    expect(a.kappa0).toBeCloseTo(3.288666372, 8);
    expect(a.c0).toBeCloseTo(0.3849275054, 8);
    expect(a.c0Normalized).toBeCloseTo(0.09622212386, 9);
    const s = inputStatistics(mnist, { preprocessing: 'standardize' });
    expect(s.sigma2).toBeCloseTo(2, 7); // per-pixel variance 1 up to float32 storage
    expect(s.kappa0).toBeCloseTo(3.288733022, 8);
    expect(s.c0Normalized).toBeCloseTo(0.09624434077, 9);
    // normal weights: κ0 = 3(1 + c0/σ⁴) up to (κ_w − 3)·… = 0
    expect(a.kappa0).toBeCloseTo(3 * (1 + a.c0Normalized), 12);
  });

  it('names a bad split', () => {
    const ds = syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 1]] });
    expect(() => inputStatistics(ds, { preprocessing: 'authors', split: 'dev' as never })).toThrow(/options\.split/);
  });
});
