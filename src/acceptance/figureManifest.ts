import { gridFingerprint } from '../experiments/manifest/gridFingerprint.ts';
import { MANIFEST_FORMAT, type RunManifest } from '../experiments/manifest/runManifest.ts';
import type { Shard } from '../experiments/results/parseShard.ts';
import type { Scale } from '../experiments/figures/scales.ts';
import type { TaskValue } from '../experiments/results/types.ts';
import { acceptanceJobs, figureJobName, figureJobTasks, type FigureJob } from './figureJobs.ts';

/** What a run is, beyond its grid: seed, shard, package version and backend. */
export interface RunProvenance {
  readonly seed: number;
  readonly shard: Shard | null;
  readonly version: string;
  readonly backend: string;
}

const sliceSize = (total: number, shard: Shard | null): number => (shard === null ? total : Math.floor(total / shard.count) + (shard.index <= total % shard.count ? 1 : 0));

/**
 * The manifest of one figure's run folder (`vv fig1|fig2|fig3`, or a figure inside `vv acceptance`).
 *
 * @example figureManifest({ figure: 'fig1', dataset: 'mnist', scale: 'smoke' }, { seed: 1, shard: { index: 1, count: 3 }, version: '0.1.0', backend: 'wasm' })
 * // { figure: 'fig1-mnist', scale: 'smoke', seed: 1, grid: { fingerprint: 'sha256:…', tasks: 8 }, shard: { index: 1, count: 3 }, tasks: 3, … }
 */
export function figureManifest(job: FigureJob, run: RunProvenance): RunManifest {
  const tasks = figureJobTasks(job);
  return {
    format: MANIFEST_FORMAT,
    figure: figureJobName(job),
    scale: job.scale,
    seed: run.seed,
    grid: { fingerprint: gridFingerprint(tasks), tasks: tasks.length },
    shard: run.shard,
    tasks: sliceSize(tasks.length, run.shard),
    version: run.version,
    backend: run.backend,
    job: job as unknown as TaskValue,
  };
}

/**
 * The manifest of a `vv acceptance` folder: figure 'acceptance', the grid of every figure's tasks
 * together (each figure is sharded on its own, so `tasks` sums the figures' slices).
 *
 * @example acceptanceManifest('smoke', { seed: 20261124, shard: null, version: '0.1.0', backend: 'wasm' }).figure // 'acceptance'
 */
export function acceptanceManifest(scale: Scale, run: RunProvenance): RunManifest {
  const jobs = acceptanceJobs(scale);
  const all = jobs.flatMap((j) => figureJobTasks(j));
  return {
    format: MANIFEST_FORMAT,
    figure: 'acceptance',
    scale,
    seed: run.seed,
    grid: { fingerprint: gridFingerprint(all), tasks: all.length },
    shard: run.shard,
    tasks: jobs.reduce((n, j) => n + sliceSize(figureJobTasks(j).length, run.shard), 0),
    version: run.version,
    backend: run.backend,
    job: jobs.map(figureJobName),
  };
}
