import { beforeAll, describe, expect, it } from 'vitest';
import { normal } from '../distributions/normal.ts';
import { rademacher } from '../distributions/rademacher.ts';
import { initBackend } from '../network/backend.ts';
import { loadMnist } from './loadMnist.ts';
import { inputStatistics } from './inputStatistics.ts';
import { inputStatisticsMonteCarlo } from './inputStatisticsMonteCarlo.ts';
import { syntheticDataset } from './internal/inputStatsTestData.ts';
import { preprocess } from './preprocess.ts';

// Synthetic: 6 pixels, images of very different norms and sparsity, so that c0 ≫ 0 and κ0 depends on κ_w.
const ds = syntheticDataset({ name: 'mnist', channels: 1, train: [[255, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0], [40, 200, 90, 255, 10, 60], [0, 255, 255, 0, 0, 0]] });

describe('inputStatisticsMonteCarlo (real tfjs first layers)', () => {
  beforeAll(async () => {
    await initBackend({});
  });

  it('synthetic: exact σ², κ0, c0 are not rejected (false alarm 1e-4 in all, power ≥ 0.8 against 5%)', () => {
    const pre = preprocess(ds, { method: 'authors' });
    const exact = inputStatistics(ds, { preprocessing: 'authors' });
    const r = inputStatisticsMonteCarlo({ images: pre.train, exact, draws: 20000, seed: 1, falseAlarm: 1e-4 });
    expect(r.decision, JSON.stringify([r.sigma2, r.kappa0, r.c0].map((a) => a.reason))).toBe('consistent');
    for (const a of [r.sigma2, r.kappa0, r.c0]) expect(a.power).toBeGreaterThanOrEqual(0.8);
  });

  it('power: Rademacher first layers are rejected against the He-normal κ0 (κ_w enters κ0 through Σx⁴)', () => {
    const pre = preprocess(ds, { method: 'authors' });
    const exact = inputStatistics(ds, { preprocessing: 'authors', weights: normal() });
    const wrong = inputStatistics(ds, { preprocessing: 'authors', weights: rademacher() });
    expect(Math.abs(wrong.kappa0 - exact.kappa0) / exact.kappa0).toBeGreaterThan(0.1);
    const r = inputStatisticsMonteCarlo({ images: pre.train, exact, weights: rademacher(), draws: 20000, seed: 2 });
    expect(r.kappa0.decision).toBe('rejected');
    expect(r.decision).toBe('rejected');
  });

  it('real MNIST (authors): 8000 draws of a fresh 8 × 784 He-normal layer and a random image agree with the exact values', () => {
    const mnist = loadMnist();
    const r = inputStatisticsMonteCarlo({ images: preprocess(mnist, { method: 'authors' }).train, exact: inputStatistics(mnist, { preprocessing: 'authors' }), draws: 8000, seed: 3 });
    expect(r.decision, JSON.stringify([r.sigma2, r.kappa0, r.c0].map((a) => a.reason))).toBe('consistent');
  }, 60000);

  it('names bad options', () => {
    const pre = preprocess(ds, { method: 'authors' });
    const exact = inputStatistics(ds, { preprocessing: 'authors' });
    expect(() => inputStatisticsMonteCarlo({ images: pre.train, exact, draws: 1, seed: 1 })).toThrow(/options\.draws/);
    expect(() => inputStatisticsMonteCarlo({ images: pre.train, exact, draws: 10, seed: 1, fanOut: 1 })).toThrow(/options\.fanOut/);
    expect(() => inputStatisticsMonteCarlo({ images: pre.train, exact: { ...exact, fanIn: 5 }, draws: 10, seed: 1 })).toThrow(/exact\.fanIn/);
  });
});
