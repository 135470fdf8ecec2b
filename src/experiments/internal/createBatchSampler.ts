import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { RandomGenerator } from '../../distributions/types.ts';

/** Options of {@link createBatchSampler}. */
export interface BatchSamplerOptions {
  /** Examples in the training set, integer ≥ 1. */
  readonly count: number;
  /** Examples per batch, integer ≥ 1. */
  readonly batchSize: number;
  /** pure-rand generator, advanced in place (one Fisher–Yates shuffle per epoch). */
  readonly rng: RandomGenerator;
}

/** An endless stream of index batches. */
export interface BatchSampler {
  /** Indices (into the training set) of the next batch; a fresh array each call. */
  next(): Int32Array;
  /** Epochs begun so far (1 after the first call). */
  readonly epoch: number;
}

/**
 * PyTorch's `DataLoader(train, batch_size, shuffle=True)` iterated over and over: each epoch a
 * fresh uniform permutation of 0 … count − 1 (Fisher–Yates, i = count − 1 down to 1 swapping with
 * `uniformInt(rng, 0, i)`; not torch.randperm's stream, so the order differs from PyTorch's but
 * has the same law), cut into consecutive batches of `batchSize`. The last batch of an epoch keeps
 * the remainder (count mod batchSize examples): PyTorch's default `drop_last=False`. Batches never
 * span two epochs.
 *
 * @example const s = createBatchSampler({ count: 5, batchSize: 2, rng: xoroshiro128plus(1) });
 * [s.next().length, s.next().length, s.next().length, s.next().length] // [2, 2, 1, 2]
 */
export function createBatchSampler(options: BatchSamplerOptions): BatchSampler {
  const { count, batchSize, rng } = options;
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`createBatchSampler: options.count must be an integer ≥ 1, got ${String(count)}`);
  if (!Number.isSafeInteger(batchSize) || batchSize < 1) throw new Error(`createBatchSampler: options.batchSize must be an integer ≥ 1, got ${String(batchSize)}`);
  const order = new Int32Array(count);
  let position = count;
  let epoch = 0;
  return {
    next(): Int32Array {
      if (position >= count) {
        for (let i = 0; i < count; i++) order[i] = i;
        for (let i = count - 1; i > 0; i--) {
          const j = uniformInt(rng, 0, i);
          const t = order[i]!;
          order[i] = order[j]!;
          order[j] = t;
        }
        position = 0;
        epoch++;
      }
      const end = Math.min(position + batchSize, count);
      const batch = order.slice(position, end);
      position = end;
      return batch;
    },
    get epoch() {
      return epoch;
    },
  };
}
