import { normal } from '../distributions/normal.ts';
import { rademacher } from '../distributions/rademacher.ts';
import { uniform } from '../distributions/uniform.ts';
import { inputStatistics } from '../data/inputStatistics.ts';
import { loadCifar10 } from '../data/loadCifar10.ts';
import { loadMnist } from '../data/loadMnist.ts';
import { preprocess } from '../data/preprocess.ts';
import { DataError, type Dataset } from '../data/types.ts';
import { shareDataset, type ExperimentData } from '../experiments/figures/experimentData.ts';
import type { Figure1Init } from '../experiments/figures/scales.ts';
import type { DatasetName } from '../experiments/figures/tasks.ts';

/** κ0 and c0/σ⁴ of the He random vector of one data set, per He weight law (exact, from the data). */
export type InputStatisticsByLaw = Readonly<Record<Figure1Init, { readonly kappa0: number; readonly c0Normalized: number; readonly weightKurtosis: number }>>;

/** What {@link loadExperimentData} found. */
export interface LoadedExperimentData {
  readonly data: ExperimentData;
  /** Input statistics of each loaded data set (authors' preprocessing), for Figure 1's x axis. */
  readonly inputStatistics: Partial<Record<DatasetName, InputStatisticsByLaw>>;
  /** Data sets that could not be loaded, with the one-line reason (e.g. CIFAR-10 not found). */
  readonly unavailable: Partial<Record<DatasetName, string>>;
}

/** Options of {@link loadExperimentData}. */
export interface LoadExperimentDataOptions {
  readonly names: readonly DatasetName[];
  /** `--data-dir` for CIFAR-10 (see loadCifar10). */
  readonly dataDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
  /** Make a missing or bad data set an error (single commands) instead of recording it (acceptance). */
  readonly required?: boolean;
}

const LAWS = { 'he-bernoulli': rademacher(), 'he-uniform': uniform(), 'he-normal': normal() } as const;

/**
 * Loads, preprocesses (the authors' Normalize constants) and shares the data sets a run needs,
 * with the exact input statistics per He law. A data set that cannot be read is an error when
 * `required`, else recorded in `unavailable` so that the figures needing it report that instead.
 *
 * @example loadExperimentData({ names: ['mnist'] }).inputStatistics.mnist['he-normal'].kappa0 // 3.2887…
 * @throws DataError (one line) for a required data set that is missing or malformed.
 */
export function loadExperimentData(options: LoadExperimentDataOptions): LoadedExperimentData {
  const data: Record<string, unknown> = {};
  const stats: Record<string, InputStatisticsByLaw> = {};
  const unavailable: Record<string, string> = {};
  for (const name of [...new Set(options.names)]) {
    let dataset: Dataset;
    try {
      dataset = name === 'mnist' ? loadMnist() : loadCifar10({ dataDir: options.dataDir, env: options.env, cwd: options.cwd });
    } catch (error) {
      if (options.required === true || !(error instanceof DataError)) throw error;
      unavailable[name] = error.message;
      continue;
    }
    const pre = preprocess(dataset, { method: 'authors' });
    data[name] = shareDataset({ name, label: dataset.label, train: pre.train, test: pre.test });
    const byLaw = {} as Record<Figure1Init, { kappa0: number; c0Normalized: number; weightKurtosis: number }>;
    for (const [init, law] of Object.entries(LAWS) as [Figure1Init, (typeof LAWS)[Figure1Init]][]) {
      const s = inputStatistics(dataset, { preprocessing: 'authors', weights: law });
      byLaw[init] = { kappa0: s.kappa0, c0Normalized: s.c0Normalized, weightKurtosis: law.kurtosis };
    }
    stats[name] = byLaw;
  }
  return { data: data as ExperimentData, inputStatistics: stats, unavailable };
}
