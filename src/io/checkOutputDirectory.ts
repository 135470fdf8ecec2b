import { rmdirSync } from 'node:fs';
import { ensureDirectory } from './ensureDirectory.ts';

/**
 * Checks, before any work, that `path` can be the output folder of a command: creates it (and its
 * missing parents) as {@link ensureDirectory} would, then removes again the folders it created, so
 * that nothing is left when the command later fails. A folder that exists stays as it is.
 *
 * @example checkOutputDirectory('/dev/null/x', '--out') // throws PathError "--out: '/dev/null/x' is under '/dev/null', a file, not a folder"
 * @throws PathError (one line naming `label`) when the folder cannot be created or written.
 */
export function checkOutputDirectory(path: string, label: string): void {
  const created = ensureDirectory(path, label);
  for (const dir of created.reverse()) {
    try {
      rmdirSync(dir);
    } catch {
      // Someone else put something there meanwhile: leave it.
    }
  }
}
