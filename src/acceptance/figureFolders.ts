import { join } from 'node:path';
import { checkRunFolder, type RunFolderState } from '../experiments/manifest/checkRunFolder.ts';
import type { RunManifest } from '../experiments/manifest/runManifest.ts';
import { writeManifest } from '../experiments/manifest/writeManifest.ts';
import type { FigureTask } from '../experiments/figures/tasks.ts';
import { shardTasks } from '../experiments/results/shardTasks.ts';
import { acceptanceManifest, figureManifest, type RunProvenance } from './figureManifest.ts';
import { figureJobName, figureJobTasks, type FigureJob } from './figureJobs.ts';

/** Options of {@link figureFolders}. */
export interface FigureFoldersOptions {
  readonly jobs: readonly FigureJob[];
  /** The output folder: each figure in out/<name>/, or `out` itself with `flat`. */
  readonly out: string;
  readonly flat?: boolean;
  /** `vv acceptance`: `out` itself gets the acceptance manifest. */
  readonly acceptance?: boolean;
  readonly run: RunProvenance;
}

/** One folder of a run: where it is, its manifest and (for a figure) its job and this run's tasks. */
export interface FigureFolder {
  readonly dir: string;
  readonly manifest: RunManifest;
  readonly job?: FigureJob;
  readonly name: string;
  readonly tasks: readonly FigureTask[];
}

/**
 * The folders a run of `jobs` uses, with their manifests: the acceptance folder first (with
 * `acceptance`), then one per figure.
 *
 * @example figureFolders({ jobs: [job], out: 'out', flat: true, run }) // [{ dir: 'out', name: 'fig1-mnist', manifest, job, tasks }]
 */
export function figureFolders(options: FigureFoldersOptions): FigureFolder[] {
  const { run } = options;
  const folders: FigureFolder[] = [];
  if (options.acceptance === true) {
    const scale = options.jobs[0]?.scale ?? 'smoke';
    folders.push({ dir: options.out, name: 'acceptance', manifest: acceptanceManifest(scale, run), tasks: [] });
  }
  for (const job of options.jobs) {
    const name = figureJobName(job);
    const all = figureJobTasks(job);
    const tasks = run.shard === null ? all : shardTasks({ tasks: all, shard: run.shard });
    folders.push({ dir: options.flat === true ? options.out : join(options.out, name), name, job, manifest: figureManifest(job, run), tasks });
  }
  return folders;
}

/**
 * Checks every folder of a run before anything is written or any data is loaded: each must be
 * new, or hold this very run (see {@link checkRunFolder}: one line naming the field and both
 * values otherwise). Returns each folder's state, in `figureFolders` order.
 *
 * @example checkFigureFolders({ jobs, out, resume: true, run }) // ['matching', 'matching', …] or throws '--resume: seed differs: folder has 20261124, this run 7'
 */
export function checkFigureFolders(options: FigureFoldersOptions & { readonly resume: boolean }): RunFolderState[] {
  return figureFolders(options).map((f) => checkRunFolder({ dir: f.dir, expected: f.manifest, tasks: f.tasks, resume: options.resume }));
}

/**
 * Writes the manifest of every folder that has none (after {@link checkFigureFolders} passed;
 * before the first task runs). Folders of figures in `skip` (e.g. whose data set is missing) get none.
 *
 * @example writeFigureManifests({ jobs, out, run }, new Set(['fig3-w200']))
 */
export function writeFigureManifests(options: FigureFoldersOptions & { readonly resume: boolean }, skip: ReadonlySet<string> = new Set()): void {
  const folders = figureFolders(options);
  const states = checkFigureFolders(options);
  folders.forEach((f, i) => {
    if (states[i] !== 'matching' && !skip.has(f.name)) writeManifest(f.dir, f.manifest);
  });
}
