import { taskKey } from '../taskKey.ts';
import type { ResultRecord, Task } from '../types.ts';

/** One complete, valid line of a results file. */
export interface ParsedLine {
  /** 1-based line number in its file. */
  readonly line: number;
  /** The line exactly as stored, without its newline. */
  readonly text: string;
  readonly record: ResultRecord;
}

/** What {@link parseResultsText} found. */
export interface ParsedResults {
  /** Every valid line in file order (duplicates kept; callers decide). */
  readonly lines: readonly ParsedLine[];
  /** Bytes up to and including the newline of the last valid line (where a resume truncates). */
  readonly goodBytes: number;
  /** The torn last line's description (for warnings), or null when the file ends cleanly. */
  readonly torn: string | null;
}

/** Why `value` is not a result record, or null when it is one. */
function recordProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'not a JSON object';
  const r = value as Record<string, unknown>;
  if (typeof r.key !== 'string') return 'field key is not a string';
  if (!Number.isSafeInteger(r.seed)) return 'field seed is not an integer';
  if (r.task === null || typeof r.task !== 'object' || Array.isArray(r.task)) return 'field task is not an object';
  if (!('result' in r)) return 'field result is missing';
  let key: string;
  try {
    key = taskKey(r.task as Task);
  } catch (error) {
    return `field task is not a valid task (${(error as Error).message})`;
  }
  if (key !== r.key) return `field key ${JSON.stringify(r.key)} is not the key of its task, ${JSON.stringify(key)}`;
  return null;
}

/**
 * Parses the text of a `results.jsonl`. A last line with no trailing newline, or a last line that
 * is not a valid record, is torn (an interrupted append) and is reported in `torn`, not returned;
 * an invalid line anywhere before the last is corruption and throws naming its line number.
 */
export function parseResultsText(text: string, source: string): ParsedResults {
  const segments = text.split('\n');
  // After the final '\n' split leaves '' (clean end) or the bytes of an unterminated line (torn).
  const tail = segments.pop()!;
  const lines: ParsedLine[] = [];
  let goodBytes = 0;
  let torn: string | null = tail === '' ? null : `line ${segments.length + 1} has no trailing newline`;
  segments.forEach((segment, i) => {
    const line = i + 1;
    let problem: string | null;
    let value: unknown;
    try {
      value = JSON.parse(segment);
      problem = recordProblem(value);
    } catch {
      problem = 'not valid JSON';
    }
    if (problem === null) {
      lines.push({ line, text: segment, record: value as ResultRecord });
      goodBytes += Buffer.byteLength(segment, 'utf8') + 1;
    } else if (i === segments.length - 1 && torn === null) {
      torn = `line ${line} is ${problem}`;
    } else {
      throw new Error(`${source}: line ${line} is corrupt (${problem}); only the last line of a results file may be torn`);
    }
  });
  return { lines, goodBytes, torn };
}
