import type { SymmetricDistribution } from '../distributions/types.ts';
import { normal } from '../distributions/normal.ts';
import { inputStatsImageNorms } from './internal/inputStatsImageNorms.ts';
import { inputStatisticsFromNorms } from './inputStatisticsFromNorms.ts';
import type { InputStatistics } from './inputStatisticsTypes.ts';
import { preprocessParameters } from './preprocessParameters.ts';
import { preprocessTable } from './preprocessTable.ts';
import type { PreprocessingMethod } from './preprocessTypes.ts';
import type { Dataset } from './types.ts';

/** Options of {@link inputStatistics}. */
export interface InputStatisticsOptions {
  /** 'authors' or 'standardize' (see preprocessParameters). */
  readonly preprocessing: PreprocessingMethod;
  /** Law of the first layer's weights; only its kurtosis matters (He variance 2/d). Default normal. */
  readonly weights?: SymmetricDistribution;
  /** Which split to average over, default 'train' (the authors sample training images). */
  readonly split?: 'train' | 'test';
}

/**
 * The population σ², κ0, c0 and c0/σ⁴ of the first layer's output z = W x, W (fan_out × d)
 * He-initialised (i.i.d., variance 2/d, slope 0) from `weights`, x a uniformly random image of
 * the split after preprocessing (the float32 values the network sees), independent of W.
 * Exact: no sampling; see {@link inputStatisticsFromNorms} for the derivation. σ², κ0, c0 do not
 * depend on fan_out.
 *
 * @throws DataError for malformed data; Error naming the option otherwise.
 * @example inputStatistics(mnist, { preprocessing: 'authors' })
 * // { sigma2: 2.000101…, kappa0: 3.288666…, c0: 0.384928…, c0Normalized: 0.096222…, … }  (MNIST, He-normal)
 */
export function inputStatistics(dataset: Dataset, options: InputStatisticsOptions): InputStatistics {
  const which = options?.split ?? 'train';
  if (which !== 'train' && which !== 'test') throw new Error(`inputStatistics: options.split must be 'train' or 'test', got ${String(which)}`);
  const weights = options.weights ?? normal();
  const table = preprocessTable(preprocessParameters(dataset, { method: options.preprocessing }));
  const norms = inputStatsImageNorms(dataset[which], dataset.channels, table);
  return inputStatisticsFromNorms(norms, { weightKurtosis: weights.kurtosis, fanIn: norms.size });
}
