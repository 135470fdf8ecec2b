import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { createBatchSampler } from './createBatchSampler.ts';

describe('createBatchSampler', () => {
  it('cuts each epoch into full batches plus the remainder (drop_last=False), each epoch a permutation', () => {
    const sampler = createBatchSampler({ count: 7, batchSize: 3, rng: xoroshiro128plus(1) });
    for (let epoch = 1; epoch <= 4; epoch++) {
      const batches = [sampler.next(), sampler.next(), sampler.next()];
      expect(batches.map((b) => b.length)).toEqual([3, 3, 1]);
      expect(sampler.epoch).toBe(epoch);
      expect([...batches.flatMap((b) => [...b])].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    }
  });

  it('draws a fresh permutation each epoch and repeats exactly for the same seed', () => {
    const epochs = (seed: number): number[][] => {
      const s = createBatchSampler({ count: 20, batchSize: 20, rng: xoroshiro128plus(seed) });
      return [0, 1, 2].map(() => [...s.next()]);
    };
    const a = epochs(5);
    expect(epochs(5)).toEqual(a);
    expect(a[0]).not.toEqual(a[1]);
    expect(epochs(6)).not.toEqual(a);
  });

  it('batch larger than the set gives the whole set each epoch', () => {
    const s = createBatchSampler({ count: 3, batchSize: 90, rng: xoroshiro128plus(2) });
    expect(s.next().length).toBe(3);
    expect(s.next().length).toBe(3);
  });

  it('rejects bad options naming the field', () => {
    expect(() => createBatchSampler({ count: 0, batchSize: 1, rng: xoroshiro128plus(1) })).toThrow(/options\.count/);
    expect(() => createBatchSampler({ count: 3, batchSize: 1.5, rng: xoroshiro128plus(1) })).toThrow(/options\.batchSize/);
  });
});
