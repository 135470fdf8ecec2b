import { beforeAll, describe, expect, it } from 'vitest';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { initBackend } from '../../network/backend.ts';
import type { Architecture } from '../../network/architecture/types.ts';
import { propagationTheory } from '../propagation/propagationTheory.ts';
import { scaleMixtureInput } from '../propagation/scaleMixtureInput.ts';
import { architectureMonteCarlo, architectureTestCount } from './architectureMonteCarlo.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

const plain: Architecture = { kind: 'plain' };

describe('architectureTestCount and architectureMonteCarlo', () => {
  const relu = { name: 'leaky-relu', slope: 0 } as const;
  it('counts Proposition 3’s tests where a theory exists (default gain: initGain), else 0', () => {
    expect(architectureTestCount({ widths: [4, 4, 1], architecture: plain, activation: relu, weights: normal(), input: normal() })).toBe(8);
    expect(architectureTestCount({ widths: [4, 4, 1], architecture: plain, activation: relu, gain: 1, weights: normal(), input: normal() })).toBe(0);
    expect(architectureTestCount({ widths: [8, 8], architecture: plain, activation: { name: 'tanh' }, weights: normal(), input: normal() })).toBe(0);
  });
  it('a small run: the default theory from the weights and the input vector law, tested per layer; onProgress reports the draws', () => {
    const inputVector = scaleMixtureInput({ scale: 2 });
    const progress: [number, number][] = [];
    const r = architectureMonteCarlo({ widths: [3, 2], architecture: plain, activation: relu, weights: rademacher(), input: normal(), inputVector, samples: 300, seed: 5, falseAlarm: 1e-6, onProgress: (d, t) => progress.push([d, t]) });
    expect(r.gain).toBeCloseTo(Math.SQRT2, 15);
    expect([r.samples, r.seed, r.falseAlarm]).toEqual([300, 5, 1e-6]);
    expect(r.layerWidths).toEqual([3, 2]);
    expect(r.theory).toEqual(propagationTheory({ widths: [3, 2], slope: 0, weightKurtosis: 1, inputVariance: 2.5, inputKurtosis: inputVector.kappa0, c0: inputVector.c0 }));
    expect(r.layers!.map((l) => [l.layer, l.width, l.kappa.theory])).toEqual([[0, 3, r.theory![0]!.kappa], [1, 2, r.theory![1]!.kappa]]);
    expect(r.summaries.map((s) => [s.n, s.width])).toEqual([[300, 3], [300, 2]]);
    expect(r.layers![0]!.kappa.falseAlarm).toBe(1e-6);
    expect(progress[progress.length - 1]).toEqual([300, 300]);
  });
  it('theory null: estimates only; a theory of the wrong length is refused', () => {
    const o = { widths: [2, 2], architecture: plain, activation: relu, weights: normal(), input: normal(), samples: 100, seed: 1, falseAlarm: 1e-6 };
    const r = architectureMonteCarlo({ ...o, theory: null });
    expect(r.layers).toBeNull();
    expect(r.theory).toBeNull();
    expect(r.summaries).toHaveLength(2);
    const t = { variance: 1, kappa: 3, c: 0 };
    expect(() => architectureMonteCarlo({ ...o, theory: [t] })).toThrow(/architectureMonteCarlo: options.theory has 1 layers, widths 2/);
    // A given theory is used as it is.
    expect(architectureMonteCarlo({ ...o, theory: [t, { ...t, kappa: 5 }] }).layers![1]!.kappa.theory).toBe(5);
  });
});
