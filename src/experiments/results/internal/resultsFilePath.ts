import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `path` itself when it names a file, `path/results.jsonl` when it is an existing directory. */
export function resultsFilePath(path: string): string {
  return existsSync(path) && statSync(path).isDirectory() ? join(path, 'results.jsonl') : path;
}
