import { describe, it, expect } from 'vitest';
import type { SymmetricDistribution } from '../types.ts';
import { sampleZScores } from './sampleChecks.ts';

/** A fake law (declared σ², κ) whose sampler cycles through `values`: the z-scores are then closed forms. */
function cycling(values: readonly number[], variance: number, kurtosis: number): SymmetricDistribution {
  let t = 0;
  return {
    name: 'cycling',
    variance,
    fourthMoment: kurtosis * variance * variance,
    kurtosis,
    halfLineMoment: () => Number.NaN,
    sample: () => values[t++ % values.length]!,
  };
}

describe('sampleZScores (test helper)', () => {
  it('z-scores are (mean − 0)/(σ/√n) and (m₂ − σ²)/(σ²√((κ − 1)/n))', () => {
    // Always 2 against σ² = 1, κ = 3, n = 800: mean 2 → z = 2·√800; m₂ = 4 → z = 3/√(2/800) = 60.
    const z = sampleZScores(cycling([2], 1, 3), { seed: 1, n: 800 });
    expect(z.mean).toBe(2);
    expect(z.meanSquare).toBe(4);
    expect(z.zMean).toBeCloseTo(2 * Math.sqrt(800), 10);
    expect(z.zMeanSquare).toBeCloseTo(60, 10);
    // ±3 alternating against σ² = 4, κ = 2, n = 50: mean 0, m₂ = 9 → z = 5/(4·√(1/50)) = 8.8388.
    const w = sampleZScores(cycling([3, -3], 4, 2), { seed: 1, n: 50 });
    expect(w.mean).toBe(0);
    expect(w.zMean).toBe(0);
    expect(w.meanSquare).toBe(9);
    expect(w.zMeanSquare).toBeCloseTo(5 / (4 * Math.sqrt(1 / 50)), 12);
    // 1, 3 against σ² = 9 (sd 3), n = 2: mean 2 → z = 2/(3/√2).
    expect(sampleZScores(cycling([1, 3], 9, 2), { seed: 1, n: 2 }).zMean).toBeCloseTo((2 * Math.SQRT2) / 3, 14);
  });
});
