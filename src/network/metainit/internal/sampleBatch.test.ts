import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { describe, expect, it } from 'vitest';
import { normal } from '../../../distributions/normal.ts';
import { sampleBatch } from './sampleBatch.ts';
import { MOMENT_STANDARD_ERRORS } from './tolerances.ts';

describe('sampleBatch', () => {
  it('draws the inputs row-major from normal().sample, then the labels with uniformInt, from one generator', () => {
    const batch = sampleBatch({ batchSize: 3, inputSize: 4, classes: 5, rng: xoroshiro128plus(9) });
    const rng = xoroshiro128plus(9);
    const d = normal();
    const x = Float32Array.from({ length: 12 }, () => d.sample(rng));
    const labels = Int32Array.from({ length: 3 }, () => uniformInt(rng, 0, 4));
    expect(batch.x).toEqual(x);
    expect(batch.labels).toEqual(labels);
  });

  it('gives labels in range and roughly standard-normal inputs', () => {
    const batch = sampleBatch({ batchSize: 400, inputSize: 50, classes: 10, rng: xoroshiro128plus(1) });
    expect(batch.labels.every((l) => Number.isInteger(l) && l >= 0 && l < 10)).toBe(true);
    expect(new Set(batch.labels).size).toBe(10);
    // n = 20000 draws: the sample mean has SD 1/√n ≈ 0.0071 and the sample variance SD √(2/n) = 0.01.
    const n = batch.x.length;
    const mean = batch.x.reduce((a, v) => a + v, 0) / n;
    const variance = batch.x.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1);
    expect(Math.abs(mean)).toBeLessThan(MOMENT_STANDARD_ERRORS / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(MOMENT_STANDARD_ERRORS * Math.sqrt(2 / n));
  });
});
