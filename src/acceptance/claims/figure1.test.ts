import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { figure1Claims, VERY_LARGE_KURTOSIS } from './figure1.ts';
import type { ClaimResult, Figure1Run } from './types.ts';

const run = (kurtosis: number, accuracy: number | null, rep = 0): Figure1Run => ({
  width: 10, depth: 10, init: 'he-normal', rep, status: accuracy === null ? 'diverged' : 'ok', accuracy, kurtosis,
});
const byId = (cs: ClaimResult[], suffix: string): ClaimResult => cs.find((c) => c.id.endsWith(suffix))!;

describe('figure1Claims', () => {
  it('clearly true data → both claims supported; diverged runs counted', () => {
    const runs: Figure1Run[] = [];
    for (let i = 0; i < 40; i++) {
      const k = 3 * 10 ** (i / 3); // 3 … 1e13
      runs.push(run(k, k >= VERY_LARGE_KURTOSIS ? (i % 3 === 0 ? null : 0.11) : 0.97 - i * 0.001, i));
    }
    runs.push(run(Infinity, null, 99));
    const cs = figure1Claims({ runs, dataset: 'MNIST' });
    const a = byId(cs, 'accuracy-falls-with-kurtosis');
    expect(a.id).toBe('fig1.mnist.accuracy-falls-with-kurtosis');
    expect(a.verdict).toBe('supported');
    expect(a.statistics['diverged']).toBeGreaterThan(0);
    expect(a.statistics['rho'] as number).toBeLessThan(-0.5);
    const b = byId(cs, 'very-large-kurtosis-untrainable');
    expect(b.verdict).toBe('supported');
    expect(b.statistics['smallProportionNearChance']).toBe(0);
    expect(JSON.parse(JSON.stringify(cs))).toEqual(cs);
  });

  it('clearly false data → both refuted', () => {
    const runs: Figure1Run[] = [];
    for (let i = 0; i < 40; i++) {
      const k = 3 * 10 ** (i / 3);
      runs.push(run(k, 0.5 + i * 0.01, i)); // accuracy rises with kurtosis; large-kurtosis nets train
    }
    const cs = figure1Claims({ runs, dataset: 'CIFAR-10' });
    expect(byId(cs, 'accuracy-falls-with-kurtosis').verdict).toBe('refuted');
    expect(byId(cs, 'very-large-kurtosis-untrainable').verdict).toBe('refuted');
    expect(cs[0]!.id).toBe('fig1.cifar10.accuracy-falls-with-kurtosis');
  });

  it('too little data → inconclusive, saying what is missing', () => {
    const cs = figure1Claims({ runs: [run(5, 0.9), run(1e4, 0.1)], dataset: 'MNIST' });
    expect(byId(cs, 'accuracy-falls-with-kurtosis').verdict).toBe('inconclusive');
    expect(byId(cs, 'accuracy-falls-with-kurtosis').reason).toMatch(/needs ≥ 3/);
    const b = byId(cs, 'very-large-kurtosis-untrainable');
    expect(b.verdict).toBe('inconclusive');
    expect(b.reason).toMatch(/needs ≥ 6 runs/);
  });

  it('rejects inconsistent runs', () => {
    const bad = { ...run(5, 0.9), accuracy: null, status: 'ok' as const };
    expect(() => figure1Claims({ runs: [bad, run(5, 0.9), run(6, 0.9)], dataset: 'MNIST' })).toThrow("status 'ok' but accuracy null");
  });

  it('false alarms: accuracy independent of kurtosis (n = 30, 1000 sims) → supported and refuted each ≤ α/2 + 3 sd', () => {
    const rng = xoroshiro128plus(2024);
    const reps = 1000;
    let sup = 0;
    let ref = 0;
    for (let r = 0; r < reps; r++) {
      const runs = Array.from({ length: 30 }, (_, i) => run(10 ** (uniformFloat64(rng) * 10), 0.5 + 0.4 * uniformFloat64(rng), i));
      const v = figure1Claims({ runs, dataset: 'MNIST' })[0]!.verdict;
      if (v === 'supported') sup++;
      if (v === 'refuted') ref++;
    }
    const tol = 3 * Math.sqrt((0.025 * 0.975) / reps);
    expect(sup / reps).toBeLessThanOrEqual(0.025 + tol);
    expect(ref / reps).toBeLessThanOrEqual(0.025 + tol);
  });
});
