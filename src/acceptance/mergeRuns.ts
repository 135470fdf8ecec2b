import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkShardCover, type ShardInput } from '../experiments/manifest/checkShardCover.ts';
import { manifestDifference } from '../experiments/manifest/manifestDifference.ts';
import { readManifest } from '../experiments/manifest/readManifest.ts';
import { MANIFEST_FILE, type RunManifest } from '../experiments/manifest/runManifest.ts';
import { writeManifest } from '../experiments/manifest/writeManifest.ts';
import type { Scale } from '../experiments/figures/scales.ts';
import { mergeResults } from '../experiments/results/mergeResults.ts';
import { acceptanceManifest, figureManifest } from './figureManifest.ts';
import { acceptanceJobs, figureJobDatasets, figureJobName, figureJobTasks, type FigureJob } from './figureJobs.ts';
import type { LoadedExperimentData } from './loadExperimentData.ts';
import { analyseJob, writeAcceptanceReport, type AcceptanceReport, type FigureOutcome } from './runAcceptance.ts';

/** One figure of a merge: its job, its shards (null when no shard ran it: data set missing). */
export interface MergeFigure {
  readonly name: string;
  readonly job: FigureJob;
  readonly shards: readonly (ShardInput & { readonly index: number; readonly count: number })[] | null;
}

/** A checked merge, nothing written yet (see {@link planMerge}). */
export interface MergePlan {
  readonly kind: 'figure' | 'acceptance';
  /** The merged folder's manifest (shard null). */
  readonly manifest: RunManifest;
  /** The top-level inputs in shard order. */
  readonly shards: readonly (ShardInput & { readonly index: number; readonly count: number })[];
  readonly figures: readonly MergeFigure[];
}

function inputManifest(label: string, dir: string): RunManifest {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`merge: ${label} is not a run folder (it does not exist)`);
  const manifest = readManifest(dir);
  if (manifest === null)
    throw new Error(
      `merge: ${label} has no ${MANIFEST_FILE} (a run written before run manifests); rerun the command that made it with --resume: it checks every record against the grid and seed, runs what is missing and writes the manifest`,
    );
  return manifest;
}

/** The job a figure manifest names, checked against this version's grid for it. */
function jobOf(input: ShardInput, expected: (job: FigureJob) => RunManifest): FigureJob {
  const job = input.manifest.job as unknown as FigureJob;
  let mine: RunManifest;
  try {
    mine = expected(job);
  } catch {
    throw new Error(`merge: ${input.label}/${MANIFEST_FILE} names no figure job this version knows (${JSON.stringify(input.manifest.job)})`);
  }
  const diff = manifestDifference(input.manifest, mine);
  if (diff !== null) throw new Error(`merge: ${input.label}: ${diff.field} differs: folder has ${diff.a}, ${diff.field === 'grid' ? `this version's ${mine.figure} grid` : 'its run'} ${diff.b}`);
  return job;
}

/**
 * Checks that `inputs` (run folders, or their results.jsonl) are the complete set of shards of one
 * figure run or of one `vv acceptance` run — same manifest fields, shards 1..n each once, every
 * task recorded exactly once with the run's seed — and returns what the merge will write. Nothing
 * is written.
 *
 * @example planMerge([{ label: 's1', dir: '/runs/s1' }, { label: 's2', dir: '/runs/s2' }]).manifest.figure // 'fig1-mnist'
 * @throws Error, one line starting 'merge:', naming the folder, the field and both values, or the missing/duplicated shard or task.
 */
export function planMerge(inputs: readonly { readonly label: string; readonly path: string }[]): MergePlan {
  if (inputs.length === 0) throw new Error('merge: no run folders given');
  const tops: ShardInput[] = inputs.map(({ label, path }) => {
    const dir = path.endsWith('.jsonl') && existsSync(path) && statSync(path).isFile() ? dirname(path) : path;
    return { label, dir, manifest: inputManifest(label, dir) };
  });
  const cover = checkShardCover({ inputs: tops });
  const top = cover.inputs[0]!.manifest;
  const merged = (m: RunManifest): RunManifest => ({ ...m, shard: null, tasks: m.grid.tasks });
  if (top.figure !== 'acceptance') {
    const job = jobOf(cover.inputs[0]!, (j) => figureManifest(j, { seed: top.seed, shard: top.shard, version: top.version, backend: top.backend }));
    const checked = checkShardCover({ inputs: tops, grid: figureJobTasks(job) });
    return { kind: 'figure', manifest: merged(top), shards: checked.inputs, figures: [{ name: figureJobName(job), job, shards: checked.inputs }] };
  }
  const expectedTop = acceptanceManifest(top.scale as Scale, { seed: top.seed, shard: top.shard, version: top.version, backend: top.backend });
  const diff = manifestDifference(top, expectedTop);
  if (diff !== null) throw new Error(`merge: ${cover.inputs[0]!.label}: ${diff.field} differs: folder has ${diff.a}, this version's acceptance grid ${diff.b}`);
  const figures: MergeFigure[] = acceptanceJobs(top.scale as Scale).map((job) => {
    const name = figureJobName(job);
    const subs = cover.inputs.map((i) => ({ label: join(i.label, name), dir: join(i.dir, name), top: i.manifest }));
    const present = subs.filter((s) => existsSync(join(s.dir, MANIFEST_FILE)));
    if (present.length === 0) return { name, job, shards: null };
    if (present.length < subs.length) throw new Error(`merge: ${name} was run in ${present.map((s) => s.label).join(', ')} but not in ${subs.filter((s) => !present.includes(s)).map((s) => s.label).join(', ')}; run it there with --resume (its data set was missing?)`);
    const shardInputs = subs.map((s) => {
      const input = { label: s.label, dir: s.dir, manifest: inputManifest(s.label, s.dir) };
      const expected = figureManifest(job, { seed: s.top.seed, shard: s.top.shard, version: s.top.version, backend: s.top.backend });
      const d = manifestDifference(input.manifest, expected);
      if (d !== null) throw new Error(`merge: ${s.label}: ${d.field} differs: folder has ${d.a}, its acceptance run ${d.b}`);
      return input;
    });
    return { name, job, shards: checkShardCover({ inputs: shardInputs, grid: figureJobTasks(job) }).inputs };
  });
  return { kind: 'acceptance', manifest: merged(top), shards: cover.inputs, figures };
}

/** The data sets the analysis of a planned merge needs. */
export function mergeDatasets(plan: MergePlan) {
  return [...new Set(plan.figures.filter((f) => f.shards !== null).flatMap((f) => figureJobDatasets(f.job)))];
}

/** Files in `dir` that show it holds a run (any of them makes --out "in use"). */
const RUN_FILES = [MANIFEST_FILE, 'results.jsonl', 'summary.json', 'acceptance.json'];

/**
 * Refuses an output folder that is one of the inputs, or that already holds a run (without `force`).
 *
 * @example checkMergeOutput(plan, '/runs/merged', false) // throws '--out /runs/merged already holds a run (manifest.json); choose another --out or pass --force'
 */
export function checkMergeOutput(plan: MergePlan, out: string, force: boolean): void {
  const all = plan.figures.flatMap((f) => f.shards ?? []).concat(plan.shards);
  const clash = all.find((s) => resolve(s.dir) === resolve(out) || resolve(out).startsWith(`${resolve(s.dir)}/`));
  if (clash !== undefined) throw new Error(`merge: --out ${out} is inside the input ${clash.label}; choose another --out`);
  if (force || !existsSync(out)) return;
  const dirs = plan.kind === 'figure' ? [out] : [out, ...plan.figures.map((f) => join(out, f.name))];
  for (const d of dirs) {
    const used = RUN_FILES.find((f) => existsSync(join(d, f)));
    if (used !== undefined) throw new Error(`merge: --out ${out} already holds a run (${d === out ? used : join(basename(d), used)}); choose another --out or pass --force`);
  }
}

/** What {@link writeMerge} wrote. */
export interface MergeOutcome {
  readonly outcomes: readonly FigureOutcome[];
  /** Records written over all figures. */
  readonly records: number;
  /** The acceptance report (acceptance merges only). */
  readonly report: AcceptanceReport | null;
}

function shardReport(dir: string): AcceptanceReport | null {
  try {
    return JSON.parse(readFileSync(join(dir, 'acceptance.json'), 'utf8')) as AcceptanceReport;
  } catch {
    return null;
  }
}

/**
 * Writes a planned merge into `out`: the manifest first, then each figure's results.jsonl (one
 * line per task, canonical order: byte for byte the unsharded run's), its summary.json and SVGs,
 * and for an acceptance merge acceptance.json and acceptance.md. Call {@link planMerge} and
 * {@link checkMergeOutput}, and load the data, first: this only writes.
 *
 * @example await writeMerge(plan, { out: '/runs/merged', loaded, tool: 'vanishing-variance 0.1.0' })
 */
export async function writeMerge(plan: MergePlan, options: { readonly out: string; readonly loaded: LoadedExperimentData; readonly tool: string }): Promise<MergeOutcome> {
  const { out } = options;
  const m = plan.manifest;
  const run = { seed: m.seed, version: m.version, backend: m.backend };
  writeManifest(out, m);
  const reports = plan.shards.map((s) => shardReport(s.dir));
  const outcomes: FigureOutcome[] = [];
  let records = 0;
  for (const figure of plan.figures) {
    if (figure.shards === null) {
      const reason = reports.map((r) => r?.figures.find((f) => f.name === figure.name)?.reason).find((x) => x !== undefined) ?? 'run in no shard (its data set was missing)';
      outcomes.push({ name: figure.name, job: figure.job, status: 'unavailable', tasks: figureJobTasks(figure.job).length, done: 0, ran: 0, seconds: 0, reason });
      continue;
    }
    const dir = plan.kind === 'figure' ? out : join(out, figure.name);
    if (plan.kind === 'acceptance') writeManifest(dir, figureManifest(figure.job, { ...run, shard: null }));
    // A shard whose slice is empty (more shards than tasks) has no results file.
    const inputs = figure.shards.map((s) => join(s.dir, 'results.jsonl')).filter((p) => existsSync(p));
    const merged = mergeResults({ inputs, output: join(dir, 'results.jsonl'), overwrite: true });
    records += merged.records;
    const analysis = await analyseJob(figure.job, dir, { out, loaded: options.loaded, run });
    const seconds = reports.reduce((t, r) => t + (r?.figures.find((f) => f.name === figure.name)?.seconds ?? 0), 0);
    outcomes.push({ name: figure.name, job: figure.job, status: 'complete', tasks: merged.records, done: merged.records, ran: merged.records, seconds, analysis });
  }
  const report =
    plan.kind === 'acceptance'
      ? writeAcceptanceReport({
          out,
          scale: m.scale as Scale,
          seed: m.seed,
          backend: m.backend,
          version: m.version,
          shard: null,
          mergedFrom: plan.shards.length,
          workers: reports[0]?.workers ?? 0,
          seconds: outcomes.reduce((t, o) => t + o.seconds, 0),
          outcomes,
          tool: options.tool,
        })
      : null;
  return { outcomes, records, report };
}
