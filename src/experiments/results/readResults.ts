import { existsSync, readFileSync } from 'node:fs';
import { parseResultsText } from './internal/parseResultsText.ts';
import type { ResultRecord, WarningSink } from './types.ts';

/** Options of {@link readResults}. */
export interface ReadResultsOptions {
  /** Receives a warning for a torn last line and for each duplicate dropped (default: ignored). */
  readonly onWarning?: WarningSink;
}

/**
 * Reads a `results.jsonl` back, in file order. A torn LAST line (no trailing newline, or not a
 * valid record) is the task that was in flight when a run died: it is ignored with a warning.
 * An invalid line before the last is corruption and throws naming its line number. Duplicate
 * keys: the FIRST complete record wins (it is the one a resume saw and skipped the task for);
 * later ones are dropped with a warning that says whether their content differed.
 *
 * @example readResults('out/results.jsonl', { onWarning: console.warn }).length
 * // 2 for a file holding two whole lines and half of a third (one warning: line 3 has no trailing newline)
 * @throws Error naming the path when the file is missing, or naming the line of a corrupt middle line.
 */
export function readResults(path: string, options: ReadResultsOptions = {}): ResultRecord[] {
  const warn = options.onWarning ?? (() => {});
  if (!existsSync(path)) throw new Error(`readResults: no results file at ${path}`);
  const parsed = parseResultsText(readFileSync(path, 'utf8'), path);
  if (parsed.torn !== null) warn(`${path}: ignoring a torn last line (${parsed.torn}); its task counts as not done`);
  const first = new Map<string, { line: number; text: string }>();
  const records: ResultRecord[] = [];
  for (const { line, text, record } of parsed.lines) {
    const earlier = first.get(record.key);
    if (earlier === undefined) {
      first.set(record.key, { line, text });
      records.push(record);
    } else {
      const how = earlier.text === text ? 'an identical copy' : 'DIFFERENT content';
      warn(`${path}: line ${line} repeats the task ${record.key} of line ${earlier.line} with ${how}; keeping line ${earlier.line}`);
    }
  }
  return records;
}
