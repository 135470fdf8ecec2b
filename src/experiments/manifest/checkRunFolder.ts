import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { taskKey } from '../results/taskKey.ts';
import type { Task } from '../results/types.ts';
import { checkRecords } from './checkRecords.ts';
import { manifestDifference } from './manifestDifference.ts';
import { readManifest } from './readManifest.ts';
import type { RunManifest } from './runManifest.ts';

/** Options of {@link checkRunFolder}. */
export interface CheckRunFolderOptions {
  /** The run folder (`--out`, or a figure's folder inside an acceptance run). */
  readonly dir: string;
  /** The manifest of the run about to start. */
  readonly expected: RunManifest;
  /** This run's tasks (its slice of the grid); a legacy folder's records must all be among them. */
  readonly tasks: readonly Task[];
  /** `--resume`: continuing is allowed; without it a folder that already holds results is refused. */
  readonly resume: boolean;
  /** Files whose presence, without a manifest or results, means the folder holds an older run (default: summary.json, acceptance.json). */
  readonly reports?: readonly string[];
}

/** What the folder holds: nothing of a run yet, or a run with this very manifest (or a legacy run that passed the record checks). */
export type RunFolderState = 'new' | 'matching' | 'legacy';

/**
 * Decides, before anything is written, whether a run may use `dir`, and refuses with ONE line when
 * not: a manifest that differs in any field (`--resume: seed differs: folder has 20261124, this
 * run 7`; without --resume the prefix is `--out DIR`), results without `--resume`, a report
 * (summary.json, acceptance.json) of a run without a manifest. A folder written before manifests
 * (results.jsonl, no manifest.json) may be resumed when every record is of this run's grid and
 * seed; the caller then writes the manifest.
 *
 * @example checkRunFolder({ dir: 'out', expected, tasks, resume: true }) // 'matching', or throws 'vv: …' one-liners as above
 * @throws Error whose message is one line naming the folder, the field and both values.
 */
export function checkRunFolder(options: CheckRunFolderOptions): RunFolderState {
  const { dir, expected, resume } = options;
  if (!existsSync(dir)) return 'new';
  if (!statSync(dir).isDirectory()) throw new Error(`--out ${dir} is not a folder`);
  const context = resume ? '--resume' : `--out ${dir}`;
  const found = readManifest(dir);
  if (found !== null) {
    const diff = manifestDifference(found, expected);
    if (diff !== null) throw new Error(`${context}: ${diff.field} differs: folder has ${diff.a}, this run ${diff.b}`);
  }
  const results = join(dir, 'results.jsonl');
  const hasResults = existsSync(results) && statSync(results).size > 0;
  if (hasResults && !resume) throw new Error(`--out ${dir} already holds results; pass --resume to continue that run, or choose another --out`);
  if (found !== null) return 'matching';
  if (!hasResults) {
    const report = (options.reports ?? ['summary.json', 'acceptance.json']).find((f) => existsSync(join(dir, f)));
    if (report !== undefined) throw new Error(`--out ${dir} holds ${report} of a run without a manifest (written before run manifests); choose another --out`);
    return 'new';
  }
  checkRecords({
    text: readFileSync(results, 'utf8'),
    path: results,
    seed: expected.seed,
    keys: new Set(options.tasks.map(taskKey)),
    sliceName: `this run's ${expected.shard === null ? 'grid' : `shard ${expected.shard.index}/${expected.shard.count} of the grid`} (${expected.figure}, ${expected.scale}; the folder has no manifest)`,
    context,
  });
  return 'legacy';
}
