import { neumaierAdd, neumaierValue } from '../montecarlo/internal/neumaier.ts';
import { channelByteHistograms } from './internal/inputStatsHistogram.ts';
import { preprocessParameters } from './preprocessParameters.ts';
import { preprocessTable } from './preprocessTable.ts';
import type { PreprocessingMethod } from './preprocessTypes.ts';
import type { Dataset } from './types.ts';

/** Options of {@link preprocessChannelMoments}. */
export interface PreprocessChannelMomentsOptions {
  readonly method: PreprocessingMethod;
  /** Which split to describe, default 'train'. */
  readonly split?: 'train' | 'test';
}

/** Mean and POPULATION variance (divisor N) of one channel's preprocessed values. */
export interface ChannelMoments {
  readonly mean: number;
  readonly variance: number;
  /** E[x²] = variance + mean² (what enters E‖x‖²). */
  readonly secondMoment: number;
}

/**
 * The per-channel mean and population variance that a preprocessing ACTUALLY gives, over every
 * pixel of every image of a split, computed from byte histograms: a channel's preprocessed values
 * are the 256 float32 table values t_b ({@link preprocessTable}) with integer counts n_b, so
 * mean = Σ n_b t_b / N and variance = Σ n_b (t_b − mean)² / N (two-pass, no cancellation),
 * with Neumaier-compensated sums of 256 terms — exact up to a few ulps. 'standardize' gives mean 0
 * and variance 1 on the training split up to float32 rounding of the stored values (≈ 1e-8);
 * 'authors' gives whatever the constants give (CIFAR-10: variance ≈ 1.5, since its "std" constants
 * are not the data's).
 *
 * @throws DataError for malformed data; Error naming options.method or options.split.
 * @example preprocessChannelMoments(mnist, { method: 'authors' })
 * // [{ mean: −1.28296e-4, variance: 1.0000507, secondMoment: 1.0000507 }]  (MNIST training set)
 */
export function preprocessChannelMoments(dataset: Dataset, options: PreprocessChannelMomentsOptions): ChannelMoments[] {
  const which = options?.split ?? 'train';
  if (which !== 'train' && which !== 'test') throw new Error(`preprocessChannelMoments: options.split must be 'train' or 'test', got ${String(which)}`);
  const table = preprocessTable(preprocessParameters(dataset, { method: options.method }));
  const counts = channelByteHistograms(dataset[which], dataset.channels);
  const out: ChannelMoments[] = [];
  for (let c = 0; c < dataset.channels; c++) {
    const acc = new Float64Array(4);
    let n = 0;
    for (let b = 0; b < 256; b++) {
      const k = counts[c * 256 + b]!;
      n += k;
      neumaierAdd(acc, 0, k * table[c * 256 + b]!);
    }
    const mean = neumaierValue(acc, 0) / n;
    for (let b = 0; b < 256; b++) {
      const d = table[c * 256 + b]! - mean;
      neumaierAdd(acc, 2, counts[c * 256 + b]! * d * d);
    }
    const variance = neumaierValue(acc, 2) / n;
    out.push({ mean, variance, secondMoment: variance + mean * mean });
  }
  return out;
}
