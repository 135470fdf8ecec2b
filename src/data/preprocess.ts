import { checkSplit } from './internal/inputStatsHistogram.ts';
import { preprocessParameters } from './preprocessParameters.ts';
import { preprocessTable } from './preprocessTable.ts';
import type { PreprocessedDataset, PreprocessingMethod } from './preprocessTypes.ts';
import type { Dataset, Split } from './types.ts';

/** Options of {@link preprocess}. */
export interface PreprocessOptions {
  /** 'authors' or 'standardize' (see {@link preprocessParameters}). */
  readonly method: PreprocessingMethod;
}

function apply(split: Split, channels: number, table: Float64Array): Float32Array {
  checkSplit(split, channels);
  const plane = split.size / channels;
  const out = new Float32Array(split.pixels.length);
  const px = split.pixels;
  for (let i = 0; i < px.length; i++) out[i] = table[Math.floor((i % split.size) / plane) * 256 + px[i]!]!;
  return out;
}

/**
 * Preprocesses a data set: x = (byte/255 − mean[c]) / std[c] per channel c, computed in float64
 * and stored as float32, for train and test with the SAME parameters (for 'standardize', those of
 * the training data). Layout unchanged (image-major, CHW). The input is not modified.
 *
 * @throws DataError for malformed data (see {@link preprocessParameters}).
 * @example preprocess(mnist, { method: 'authors' }).train.values[0] // −0.42421296 (byte 0: −0.1307/0.3081)
 */
export function preprocess(dataset: Dataset, options: PreprocessOptions): PreprocessedDataset {
  const parameters = preprocessParameters(dataset, options);
  const table = preprocessTable(parameters);
  return {
    parameters,
    channels: dataset.channels,
    size: dataset.train.size,
    train: { count: dataset.train.count, size: dataset.train.size, values: apply(dataset.train, dataset.channels, table), labels: dataset.train.labels },
    test: { count: dataset.test.count, size: dataset.test.size, values: apply(dataset.test, dataset.channels, table), labels: dataset.test.labels },
  };
}
