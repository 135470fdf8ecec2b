import { beforeAll, describe, expect, it } from 'vitest';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { initBackend } from '../../network/backend.ts';
import { heRandomVectorMonteCarlo, heRandomVectorMonteCarloTestCount } from './heRandomVectorMonteCarlo.ts';
import { propagationMonteCarlo } from './propagationMonteCarlo.ts';
import { propagationTheory } from './propagationTheory.ts';
import { scaleMixtureInput } from './scaleMixtureInput.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

// Small runs (a few hundred draws): what is checked here is the wiring — which theory, which
// options reach the tests, how the draws are counted — not the statistics (propagationMonteCarlo.test.ts).
describe('propagationMonteCarlo: options and defaults', () => {
  it('the default theory starts from the input vector law (σ², κ₀, c₀) and the weights’ kurtosis', () => {
    const inputVector = scaleMixtureInput({ scale: 2 });
    const progress: [number, number][] = [];
    const r = propagationMonteCarlo({ widths: [3, 2], slope: 0.5, weights: rademacher(), input: normal(), inputVector, samples: 300, seed: 2, falseAlarm: 1e-6, chunk: 128, onProgress: (d, t) => progress.push([d, t]) });
    expect(r.theory).toEqual(propagationTheory({ widths: [3, 2], slope: 0.5, weightKurtosis: 1, inputVariance: 2.5, inputKurtosis: inputVector.kappa0, c0: inputVector.c0 }));
    expect([r.samples, r.seed, r.falseAlarm]).toEqual([300, 2, 1e-6]);
    expect(r.summaries.map((s) => [s.n, s.width, s.batches])).toEqual([[300, 3, 64], [300, 2, 64]]);
    expect(r.layers.map((l) => [l.layer, l.width, l.variance.theory])).toEqual([[0, 3, 2.5], [1, 2, 2.5]]);
    // Chunks of 128 draws: 128, 256, 300.
    expect(progress).toEqual([[128, 300], [256, 300], [300, 300]]);
  });
  it('without an input vector: i.i.d. entries of `input` (κ₀ its kurtosis, c₀ = 0); batches, relativeDeviation, minPower and maxBatchSkewness reach the tests', () => {
    const r = propagationMonteCarlo({ widths: [2, 2], slope: 0, weights: normal(), input: normal({ variance: 2 }), samples: 200, seed: 1, falseAlarm: 1e-6, batches: 8, relativeDeviation: 0.3, minPower: 0.6, maxBatchSkewness: 2 });
    expect(r.theory[0]).toEqual({ variance: 2, kappa: 3, c: 0 });
    expect(r.theory).toEqual(propagationTheory({ widths: [2, 2], slope: 0, weightKurtosis: 3, inputVariance: 2, inputKurtosis: 3 }));
    expect(r.summaries[1]!.batches).toBe(8);
    const k = r.layers[1]!.kappa;
    expect([k.relativeDeviation, k.minPower, k.maxBatchSkewness, k.df]).toEqual([0.3, 0.6, 2, 7]);
  });
  it('a given theory is used as it is; one of the wrong length is refused', () => {
    const o = { widths: [2, 2], slope: 0, weights: normal(), input: normal(), samples: 100, seed: 1, falseAlarm: 1e-6 };
    const t = { variance: 1, kappa: 3, c: 0 };
    expect(propagationMonteCarlo({ ...o, theory: [t, { ...t, kappa: 7 }] }).layers[1]!.kappa.theory).toBe(7);
    expect(() => propagationMonteCarlo({ ...o, theory: [t] })).toThrow(/propagationMonteCarlo: options.theory has 1 layers, widths 2/);
  });
});

describe('heRandomVectorMonteCarlo: labels, per-layer variance and options', () => {
  it('tests layers 1…d (not the input) against variance(l), labelled with the layer', () => {
    const calls: number[] = [];
    const o = { widths: [2, 3, 1], slope: 0, weights: normal(), input: normal(), samples: 200, seed: 3, falseAlarm: 1e-6, variance: (l: number) => (calls.push(l), 10 * l) };
    const r = heRandomVectorMonteCarlo(o);
    expect(r.map((t) => t.quantity)).toEqual(['layer 1 variance σ²', 'layer 1 E[y_i y_j], i ≠ j (uncorrelated)', 'layer 2 variance σ²']);
    expect(r.map((t) => t.assertion.theory)).toEqual([10, 0, 20]);
    expect(calls).toEqual([1, 2]);
    expect(r.every((t) => t.assertion.falseAlarm === 1e-6)).toBe(true);
    const all = heRandomVectorMonteCarlo({ ...o, odd: true, perEntry: true });
    expect(all).toHaveLength(heRandomVectorMonteCarloTestCount(o.widths, { odd: true, perEntry: true }));
    expect(all.map((t) => t.quantity).slice(0, 4)).toEqual([
      "layer 1 E[y_1²] (entry 1's variance)",
      "layer 1 E[y_2²] (entry 2's variance)",
      "layer 1 E[y_3²] (entry 3's variance)",
      'layer 1 E[y_i y_j], i ≠ j (uncorrelated)',
    ]);
    expect(all[all.length - 1]!.quantity).toBe('layer 2 E[y_i³] (symmetric)');
  });
});
