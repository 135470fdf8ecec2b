import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureDirectory } from '../io/ensureDirectory.ts';

let tempCounter = 0;

/** A temp path next to `target` (same directory, hence same filesystem, so `rename` is atomic). */
function tempPathFor(target: string): string {
  tempCounter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${tempCounter}.tmp`);
}

/**
 * Writes several files so that each appears atomically: all contents go to temp files in the
 * targets' directories first (created if missing), then each temp file is renamed over its
 * target. On failure, the temp files are removed and the error rethrown.
 */
export function writeFilesAtomic(files: readonly { path: string; content: string }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      ensureDirectory(dirname(f.path));
      const temp = tempPathFor(f.path);
      temps.push(temp);
      writeFileSync(temp, f.content, 'utf8');
    }
    files.forEach((f, i) => renameSync(temps[i]!, f.path));
  } catch (error) {
    for (const t of temps) rmSync(t, { force: true });
    throw error;
  }
}

/** Writes one file atomically (temp file in the same directory, then rename). */
export function writeFileAtomic(path: string, content: string): void {
  writeFilesAtomic([{ path, content }]);
}
