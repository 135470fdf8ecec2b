import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../report/atomicWrite.ts';
import { compareKeys } from './internal/canonicalOrder.ts';
import { parseResultsText } from './internal/parseResultsText.ts';
import { resultsFilePath } from './internal/resultsFilePath.ts';
import { taskKey } from './taskKey.ts';
import type { Task, WarningSink } from './types.ts';

/** Options of {@link mergeResults}. */
export interface MergeResultsOptions {
  /** The shards' outputs: each a run directory (its `results.jsonl` is read) or a results file. */
  readonly inputs: readonly string[];
  /** Where the merged file goes: a path ending in `.jsonl` is the file, anything else a directory that gets `results.jsonl`. */
  readonly output: string;
  /** The whole grid, when known: then the tasks with no record are reported in `missing`. */
  readonly tasks?: readonly Task[];
  /** Replace an existing output file (default false: refuse). */
  readonly overwrite?: boolean;
  /** Receives a warning per torn last line of an input (default: ignored). */
  readonly onWarning?: WarningSink;
}

/** Outcome of {@link mergeResults}. */
export interface MergeResultsOutcome {
  /** The merged file written. */
  readonly path: string;
  /** Records written (one per distinct key). */
  readonly records: number;
  /** Keys of `tasks` with no record in any input, in canonical order; null when `tasks` was not given. */
  readonly missing: readonly string[] | null;
  /** Inputs whose torn last line was ignored (that task is missing from the merge). */
  readonly torn: readonly string[];
}

/**
 * Merges the `results.jsonl` of n shards into one file holding one line per distinct task key, in
 * canonical (ascending key) order: the order an unsharded {@link runTasks} writes, so that when
 * each record is deterministic the merged file equals the unsharded run's file byte for byte
 * (lines are copied verbatim, never re-serialised). The same key in two inputs (overlapping shards,
 * or a file merged twice) is fine when the lines are identical and an error naming the key when
 * they differ. A torn last line in an input is ignored with a warning and its task is missing.
 * The output is written atomically (temp file, then rename).
 *
 * @example mergeResults({ inputs: ['out/shard-1', 'out/shard-2'], output: 'out/merged' })
 * // { path: 'out/merged/results.jsonl', records: 120, missing: null, torn: [] } for two shards of 60 tasks each
 * @throws Error naming the key of conflicting duplicates, the line of a corrupt middle line,
 *   `inputs` when it is empty or an input is missing, or `output` when it exists (without overwrite).
 */
export function mergeResults(options: MergeResultsOptions): MergeResultsOutcome {
  const { inputs, output } = options;
  const warn = options.onWarning ?? (() => {});
  if (inputs.length === 0) throw new Error('mergeResults: options.inputs must name at least one results directory or file');
  const outPath = output.endsWith('.jsonl') ? output : join(output, 'results.jsonl');
  if (options.overwrite !== true && existsSync(outPath)) throw new Error(`mergeResults: options.output ${outPath} already exists; choose another output or set options.overwrite (the CLI: --force)`);
  const byKey = new Map<string, { text: string; source: string }>();
  const torn: string[] = [];
  for (const input of inputs) {
    const path = resultsFilePath(input);
    if (!existsSync(path) || !statSync(path).isFile()) throw new Error(`mergeResults: options.inputs entry ${input} has no results file (looked for ${path})`);
    const parsed = parseResultsText(readFileSync(path, 'utf8'), path);
    if (parsed.torn !== null) {
      torn.push(path);
      warn(`${path}: ignoring a torn last line (${parsed.torn}); that task is missing from the merge`);
    }
    for (const { line, text, record } of parsed.lines) {
      const source = `${path}:${line}`;
      const seen = byKey.get(record.key);
      if (seen === undefined) byKey.set(record.key, { text, source });
      else if (seen.text !== text) throw new Error(`mergeResults: task ${record.key} has different records in ${seen.source} and ${source}`);
    }
  }
  const keys = [...byKey.keys()].sort(compareKeys);
  writeFileAtomic(outPath, keys.map((k) => `${byKey.get(k)!.text}\n`).join(''));
  const missing = options.tasks === undefined ? null : options.tasks.map(taskKey).filter((k) => !byKey.has(k)).sort(compareKeys);
  return { path: outPath, records: keys.length, missing, torn };
}
