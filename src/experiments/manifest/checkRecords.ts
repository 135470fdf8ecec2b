import { parseResultsText } from '../results/internal/parseResultsText.ts';
import { taskSeed } from '../results/taskSeed.ts';
import type { Task } from '../results/types.ts';

/** Options of {@link checkRecords}. */
export interface CheckRecordsOptions {
  /** The results file's text and its path (for messages). */
  readonly text: string;
  readonly path: string;
  /** The run seed every record must have been drawn with. */
  readonly seed: number;
  /** The keys this file may hold (its folder's slice of the grid). */
  readonly keys: ReadonlySet<string>;
  /** What the slice is called in messages, e.g. "this run's grid", "shard 2/3 of the grid". */
  readonly sliceName: string;
  /** Message prefix, e.g. '--resume', 'merge'. */
  readonly context: string;
}

/** What {@link checkRecords} found. */
export interface CheckedRecords {
  /** Every valid line, in file order. */
  readonly lines: ReturnType<typeof parseResultsText>['lines'];
  /** Keys recorded (each once). */
  readonly keys: ReadonlySet<string>;
  /** The torn last line's description, or null. */
  readonly torn: string | null;
}

/**
 * Checks every record of a results file against the run it claims to belong to: its task is in
 * the slice, its seed is `taskSeed(seed, task)` (so records drawn with another `--seed` are caught
 * whatever the manifest says), and no task is recorded twice.
 *
 * @example checkRecords({ text, path: 's1/results.jsonl', seed: 7, keys, sliceName: 'shard 1/2 of the grid', context: 'merge' }).keys.size // 4
 * @throws Error, one line starting with `context`, naming the file, line and task of the first offending record.
 */
export function checkRecords(options: CheckRecordsOptions): CheckedRecords {
  const { path, seed, context } = options;
  const parsed = parseResultsText(options.text, path);
  const first = new Map<string, number>();
  for (const { line, record } of parsed.lines) {
    if (!options.keys.has(record.key)) throw new Error(`${context}: ${path} line ${line}: task ${record.key} is not in ${options.sliceName}`);
    const expected = taskSeed({ runSeed: seed, task: record.task as Task });
    if (record.seed !== expected) throw new Error(`${context}: ${path} line ${line}: task ${record.key} has seed ${record.seed}, but seed ${seed} gives ${expected} (records of another --seed)`);
    const earlier = first.get(record.key);
    if (earlier !== undefined) throw new Error(`${context}: ${path} records task ${record.key} twice (lines ${earlier} and ${line})`);
    first.set(record.key, line);
  }
  return { lines: parsed.lines, keys: new Set(first.keys()), torn: parsed.torn };
}
