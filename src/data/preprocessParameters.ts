import { channelByteHistograms } from './internal/inputStatsHistogram.ts';
import { AUTHORS_NORMALIZATION, type PreprocessingMethod, type PreprocessParameters } from './preprocessTypes.ts';
import { DataError, type Dataset } from './types.ts';

/** Options of {@link preprocessParameters}. */
export interface PreprocessParametersOptions {
  /** 'authors' (their torchvision constants) or 'standardize' (exact training-set moments). */
  readonly method: PreprocessingMethod;
}

/**
 * The per-channel affine map x = (byte/255 − mean[c]) / std[c] of a preprocessing.
 * - 'authors': the authors' constants verbatim ({@link AUTHORS_NORMALIZATION}).
 * - 'standardize': mean[c] and std[c] = √(population variance) of byte/255 over every pixel of
 *   channel c of every TRAINING image, exactly: from the byte histogram n_b (integers),
 *   S1 = Σ b·n_b and S2 = Σ b²·n_b are exact integers (< 2⁵³ for any data set below 10¹⁰ pixels),
 *   N = Σ n_b; mean = S1/(255N), variance = (N·S2 − S1²)/(255²N²) with the numerator an exact
 *   integer (BigInt), so both are correctly rounded up to the final division/sqrt.
 *
 * @throws DataError when the data are malformed (naming the field), or a training channel is
 *   constant (std 0) under 'standardize'; Error naming options.method when it is unknown.
 * @example preprocessParameters(mnist, { method: 'standardize' })
 * // { method: 'standardize', mean: [0.1306605…], std: [0.3081078…] }  (MNIST training set)
 */
export function preprocessParameters(dataset: Dataset, options: PreprocessParametersOptions): PreprocessParameters {
  const method = options?.method;
  if (method === 'authors') {
    const c = AUTHORS_NORMALIZATION[dataset.name];
    if (c === undefined || c.mean.length !== dataset.channels) {
      throw new DataError(`preprocessParameters: no authors' constants for dataset.name '${String(dataset.name)}' with ${dataset.channels} channels`);
    }
    return { method, mean: [...c.mean], std: [...c.std] };
  }
  if (method !== 'standardize') throw new Error(`preprocessParameters: options.method must be 'authors' or 'standardize', got ${String(method)}`);
  const counts = channelByteHistograms(dataset.train, dataset.channels);
  const mean: number[] = [];
  const std: number[] = [];
  for (let c = 0; c < dataset.channels; c++) {
    let n = 0n;
    let s1 = 0n;
    let s2 = 0n;
    for (let b = 0; b < 256; b++) {
      const k = BigInt(counts[c * 256 + b]!);
      n += k;
      s1 += k * BigInt(b);
      s2 += k * BigInt(b * b);
    }
    const num = n * s2 - s1 * s1; // 255² N² · variance, exact
    if (num === 0n) throw new DataError(`preprocessParameters: channel ${c} of dataset.train is constant; 'standardize' would divide by 0`);
    const N = Number(n);
    mean.push(Number(s1) / (255 * N));
    std.push(Math.sqrt(Number(num)) / (255 * N));
  }
  return { method, mean, std };
}
