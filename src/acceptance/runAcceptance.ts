import { join } from 'node:path';
import { readResults } from '../experiments/results/readResults.ts';
import type { Shard } from '../experiments/results/parseShard.ts';
import type { RunTasksProgress } from '../experiments/results/runTasks.ts';
import type { Scale } from '../experiments/figures/scales.ts';
import type { DatasetName } from '../experiments/figures/tasks.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import { analyseFigure, type FigureAnalysis } from './analyseFigure.ts';
import type { ClaimResult } from './claims/types.ts';
import { figureJobDatasets, figureJobName, figureJobTasks, type FigureJob } from './figureJobs.ts';
import { acceptanceMarkdown } from './acceptanceMarkdown.ts';
import type { LoadedExperimentData } from './loadExperimentData.ts';
import { runFigureJob } from './runFigureJob.ts';
import { writeFigureManifests } from './figureFolders.ts';
import type { RunProvenance } from './figureManifest.ts';
import { shardTasks } from '../experiments/results/shardTasks.ts';
import { taskKey } from '../experiments/results/taskKey.ts';
import type { BlasInfo } from '../blas/types.ts';

/** What happened to one figure of a run. */
export interface FigureOutcome {
  readonly name: string;
  readonly job: FigureJob;
  /** complete: all tasks recorded and analysed; interrupted: stopped (resume with --resume); sharded: a shard finished (merge, then analyse); unavailable: its data set is missing. */
  readonly status: 'complete' | 'interrupted' | 'sharded' | 'unavailable';
  readonly tasks: number;
  readonly done: number;
  /** Tasks run by this invocation (done − ran were already recorded: resumed). */
  readonly ran: number;
  /** Wall time of this invocation only (a resumed figure's earlier time is not known). */
  readonly seconds: number;
  readonly reason?: string;
  readonly analysis?: FigureAnalysis;
}

/** Options of {@link runFigures}. */
export interface RunFiguresOptions {
  readonly jobs: readonly FigureJob[];
  /** Output directory: each figure in DIR/<name>/ (results.jsonl, summary.json), SVGs in DIR. */
  readonly out: string;
  readonly resume: boolean;
  readonly runSeed: number;
  readonly shard?: Shard;
  /** Worker threads (default: cores available). */
  readonly workers?: number;
  readonly backend: string;
  /** Resolved BLAS library for the workers (path or 'off'; see runFigureJob). */
  readonly blas?: string;
  /** The package version (recorded in every manifest and summary). */
  readonly version: string;
  readonly loaded: LoadedExperimentData;
  /** Put each figure's files directly in `out` (single-figure commands) instead of out/<name>/. */
  readonly flat?: boolean;
  /** `vv acceptance`: `out` itself is an acceptance folder with its own manifest. */
  readonly acceptance?: boolean;
  readonly alpha?: number;
  readonly onStart?: (job: FigureJob, name: string, total: number) => void;
  readonly onProgress?: (job: FigureJob, progress: RunTasksProgress) => void;
  readonly onWarning?: (message: string) => void;
  readonly signal?: AbortSignal;
}

/**
 * Runs figure jobs one after another (each over all worker threads), resuming and sharding as
 * asked, then analyses every complete one (claims, SVGs, summary.json). Stops at the first
 * interrupted job.
 *
 * @example await runFigures({ jobs: acceptanceJobs('smoke'), out: 'reports', resume: false, runSeed: 20261124, backend: 'wasm', loaded })
 */
export async function runFigures(options: RunFiguresOptions): Promise<FigureOutcome[]> {
  const outcomes: FigureOutcome[] = [];
  const run: RunProvenance = { seed: options.runSeed, shard: options.shard ?? null, version: options.version, backend: options.backend };
  const unavailable = new Set(options.jobs.filter((job) => figureJobDatasets(job).some((d) => options.loaded.data[d] === undefined)).map(figureJobName));
  // Every folder is checked (one line naming the field that differs, nothing written) and gets its manifest before the first task runs.
  writeFigureManifests({ jobs: options.jobs, out: options.out, flat: options.flat, acceptance: options.acceptance, run, resume: options.resume }, unavailable);
  for (const job of options.jobs) {
    const name = figureJobName(job);
    const dir = options.flat === true ? options.out : join(options.out, name);
    const tasks = figureJobTasks(job);
    const missing = figureJobDatasets(job).filter((d) => options.loaded.data[d] === undefined);
    if (missing.length > 0) {
      outcomes.push({ name, job, status: 'unavailable', tasks: tasks.length, done: 0, ran: 0, seconds: 0, reason: missing.map((d) => options.loaded.unavailable[d] ?? `${d} not loaded`).join('; ') });
      continue;
    }
    const started = Date.now();
    // The shard's own size: 330 tasks in 4 shards are 83, 83, 82 and 82, not ⌈330/4⌉ each.
    options.onStart?.(job, name, options.shard === undefined ? tasks.length : shardTasks({ tasks, shard: options.shard }).length);
    const outcome = await runFigureJob({
      job,
      dir,
      resume: options.resume,
      runSeed: options.runSeed,
      shard: options.shard,
      jobs: options.workers,
      backend: options.backend,
      blas: options.blas,
      data: options.loaded.data,
      onProgress: (p) => options.onProgress?.(job, p),
      onWarning: options.onWarning,
      signal: options.signal,
    });
    const seconds = (Date.now() - started) / 1000;
    if (outcome.status === 'interrupted') {
      outcomes.push({ name, job, status: 'interrupted', tasks: outcome.total, done: outcome.done, ran: outcome.ran, seconds });
      break;
    }
    if (options.shard !== undefined) {
      outcomes.push({ name, job, status: 'sharded', tasks: outcome.total, done: outcome.done, ran: outcome.ran, seconds });
      continue;
    }
    outcomes.push({ name, job, status: 'complete', tasks: outcome.total, done: outcome.done, ran: outcome.ran, seconds, analysis: await analyseJob(job, dir, { ...options, run }) });
  }
  return outcomes;
}

/** Analyses a job whose records are all in `dir/results.jsonl` (a complete run or a merge). */
export async function analyseJob(
  job: FigureJob,
  dir: string,
  options: { readonly out: string; readonly loaded: LoadedExperimentData; readonly run: Omit<RunProvenance, 'shard'>; readonly alpha?: number; readonly flat?: boolean },
): Promise<FigureAnalysis> {
  const keys = new Set(figureJobTasks(job).map(taskKey));
  const records = readResults(join(dir, 'results.jsonl')).filter((r) => keys.has(r.key));
  const dataset: DatasetName = job.figure === 'fig1' ? job.dataset : 'cifar10';
  return analyseFigure({
    job,
    records,
    dir,
    svgDir: options.out,
    datasetLabel: options.loaded.data[dataset]?.label ?? dataset,
    run: { seed: options.run.seed, backend: options.run.backend, version: options.run.version },
    ...(job.figure === 'fig1' ? { inputStatistics: options.loaded.inputStatistics[job.dataset] } : {}),
    ...(options.alpha === undefined ? {} : { alpha: options.alpha }),
  });
}

/** The acceptance report (acceptance.json). */
export interface AcceptanceReport {
  readonly tool: string;
  readonly version: string;
  readonly scale: Scale;
  readonly seed: number;
  readonly backend: string;
  /** The GEMM of the fused engines (library, kernel, threads per call), when known. */
  readonly blas?: BlasInfo;
  /** The shard this report covers (a `--shard k/n` run: no claims), or null for the whole grid. */
  readonly shard: Shard | null;
  /** A `vv merge` of this many shards (times are the sums over the shards), or null for a run. */
  readonly mergedFrom: number | null;
  readonly workers: number;
  readonly complete: boolean;
  readonly seconds: number;
  readonly verdicts: Readonly<Record<'supported' | 'refuted' | 'inconclusive', number>>;
  readonly figures: readonly { readonly name: string; readonly status: FigureOutcome['status']; readonly tasks: number; readonly done: number; readonly ran: number; readonly seconds: number; readonly reason?: string; readonly svgs: readonly string[]; readonly summary?: string }[];
  readonly claims: readonly (ClaimResult & { readonly figureRun: string })[];
  /** Claims that could not be evaluated (data missing, run interrupted), as inconclusive entries. */
}

/**
 * Writes DIR/acceptance.json and DIR/acceptance.md from the figures' outcomes. Figures that did
 * not complete contribute no claims and are listed with their status.
 */
export function writeAcceptanceReport(options: {
  readonly out: string;
  readonly scale: Scale;
  readonly seed: number;
  readonly backend: string;
  readonly version: string;
  readonly blas?: BlasInfo;
  readonly shard?: Shard | null;
  readonly mergedFrom?: number | null;
  readonly workers: number;
  readonly seconds: number;
  readonly outcomes: readonly FigureOutcome[];
  readonly tool: string;
}): AcceptanceReport {
  const claims = options.outcomes.flatMap((o) => (o.analysis?.claims ?? []).map((c) => ({ ...c, figureRun: o.name })));
  const verdicts = { supported: 0, refuted: 0, inconclusive: 0 };
  for (const c of claims) verdicts[c.verdict] += 1;
  const report: AcceptanceReport = {
    tool: options.tool,
    version: options.version,
    scale: options.scale,
    seed: options.seed,
    backend: options.backend,
    ...(options.blas === undefined ? {} : { blas: options.blas }),
    shard: options.shard ?? null,
    mergedFrom: options.mergedFrom ?? null,
    workers: options.workers,
    complete: options.outcomes.every((o) => o.status === 'complete'),
    seconds: options.seconds,
    verdicts,
    figures: options.outcomes.map((o) => ({
      name: o.name,
      status: o.status,
      tasks: o.tasks,
      done: o.done,
      ran: o.ran,
      seconds: o.seconds,
      ...(o.reason === undefined ? {} : { reason: o.reason }),
      svgs: o.analysis?.svgs ?? [],
      ...(o.analysis === undefined ? {} : { summary: join(o.name, 'summary.json') }),
    })),
    claims,
  };
  writeFileAtomic(join(options.out, 'acceptance.json'), `${JSON.stringify(report, null, 2)}\n`);
  writeFileAtomic(join(options.out, 'acceptance.md'), acceptanceMarkdown(report));
  return report;
}
