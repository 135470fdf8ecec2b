import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkShardCover, type ShardInput } from '../../experiments/manifest/checkShardCover.ts';
import { manifestDifference } from '../../experiments/manifest/manifestDifference.ts';
import { readManifest } from '../../experiments/manifest/readManifest.ts';
import { MANIFEST_FILE, type RunManifest } from '../../experiments/manifest/runManifest.ts';
import type { Scale } from '../../experiments/figures/scales.ts';
import { acceptanceManifest, figureManifest } from '../figureManifest.ts';
import { acceptanceJobs, figureJobDatasets, figureJobName, figureJobTasks, type FigureJob } from '../figureJobs.ts';

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

