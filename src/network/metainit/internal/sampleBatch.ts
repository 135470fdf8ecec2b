import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { normal } from '../../../distributions/normal.ts';
import type { RandomGenerator } from '../../../distributions/types.ts';

/** Options of {@link sampleBatch}. */
export interface SampleBatchOptions {
  /** Rows (examples), integer ≥ 1. */
  readonly batchSize: number;
  /** Columns (input size), integer ≥ 1. */
  readonly inputSize: number;
  /** Number of classes, integer ≥ 1; labels are uniform on {0, …, classes − 1}. */
  readonly classes: number;
  /** pure-rand generator, advanced in place. */
  readonly rng: RandomGenerator;
}

/** One batch of MetaInit's random data. */
export interface Batch {
  /** batchSize × inputSize standard-normal entries, row-major, each rounded once to float32. */
  readonly x: Float32Array;
  /** batchSize class indices. */
  readonly labels: Int32Array;
}

const STANDARD_NORMAL = normal();

/**
 * The reference code's `torch.Tensor(*x_size).normal_(0, 1)` and
 * `torch.randint(0, y_size, (x_size[0],))`, from one seeded generator: first every input entry in
 * row-major order (`normal().sample(rng)`), then every label (pure-rand `uniformInt`).
 *
 * @example sampleBatch({ batchSize: 2, inputSize: 3, classes: 10, rng: xoroshiro128plus(1) }).labels.length // 2
 */
export function sampleBatch(options: SampleBatchOptions): Batch {
  const { batchSize, inputSize, classes, rng } = options;
  const x = new Float32Array(batchSize * inputSize);
  for (let i = 0; i < x.length; i++) x[i] = STANDARD_NORMAL.sample(rng);
  const labels = new Int32Array(batchSize);
  for (let i = 0; i < batchSize; i++) labels[i] = uniformInt(rng, 0, classes - 1);
  return { x, labels };
}
