import { appendFileSync, closeSync, fsyncSync, openSync } from 'node:fs';
import { taskKey } from './taskKey.ts';
import type { ResultRecord } from './types.ts';

/**
 * Appends one completed task's record to a `results.jsonl` as ONE whole line: a single
 * `appendFileSync` of `JSON.stringify(record) + '\n'` on a file opened for append (O_APPEND), then
 * `fsync`, so that a run killed at any moment leaves every earlier record intact and at most a
 * torn last line (which {@link readResults} ignores and a resume truncates). The file is created
 * if missing; its directory must exist.
 *
 * @example appendResult('out/results.jsonl', { key: '{"rep":0}', seed: 1234, task: { rep: 0 }, result: { loss: 0.5 } })
 * // appends the line {"key":"{\"rep\":0}","seed":1234,"task":{"rep":0},"result":{"loss":0.5}}
 * @throws Error naming the field when `record.key` is not `taskKey(record.task)` or `record.seed` is not an integer.
 */
export function appendResult(path: string, record: ResultRecord): void {
  const key = taskKey(record.task);
  if (record.key !== key) throw new Error(`appendResult: record.key ${JSON.stringify(record.key)} is not taskKey(record.task), ${JSON.stringify(key)}`);
  if (!Number.isSafeInteger(record.seed)) throw new Error(`appendResult: record.seed must be an integer, got ${String(record.seed)}`);
  const line = `${JSON.stringify(record)}\n`;
  const fd = openSync(path, 'a');
  try {
    appendFileSync(fd, line, 'utf8');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
