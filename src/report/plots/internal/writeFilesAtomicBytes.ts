import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/**
 * Writes text or binary files so that each appears whole: every content goes to a temp file in
 * its target's directory (created if missing) first, then each is renamed over its target; on
 * failure the temp files are removed and the error rethrown. (`../atomicWrite.ts` does the same
 * for text only; figures need PNG bytes.)
 *
 * @example writeFilesAtomicBytes([{ path: 'out/f.svg', content: svg }, { path: 'out/f.png', content: png }]);
 */
export function writeFilesAtomicBytes(files: readonly { path: string; content: string | Uint8Array }[]): void {
  const temps: string[] = [];
  try {
    for (const f of files) {
      mkdirSync(dirname(f.path), { recursive: true });
      counter += 1;
      const temp = join(dirname(f.path), `.${basename(f.path)}.${process.pid}.${counter}.tmp`);
      temps.push(temp);
      writeFileSync(temp, f.content);
    }
    files.forEach((f, i) => renameSync(temps[i]!, f.path));
  } catch (error) {
    for (const t of temps) rmSync(t, { force: true });
    throw error;
  }
}
