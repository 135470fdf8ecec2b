import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PathError } from './PathError.ts';

const reason = (error: unknown): string => {
  const e = error as NodeJS.ErrnoException;
  return e?.code ?? (error instanceof Error ? error.message : String(error));
};

/** `stat` of `path`, or null when nothing is there (any other failure is a PathError). */
function statOrNull(path: string, label: string) {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // ENOTDIR: some ancestor is a file; the walk up finds and names it.
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new PathError(`${label}: cannot inspect '${path}' (${reason(error)})`);
  }
}

/**
 * Creates the folder `path` and its missing parents one level at a time, and returns the folders
 * it created, outermost first ([] when `path` was already a folder). Never Node's
 * `mkdirSync(…, { recursive: true })`: where `mkdir` answers ENOENT although the parent exists
 * (any path under `/proc`), Node 20 retries that forever at 100% CPU. Here every failure is
 * immediate, one line, naming `label` (the CLI argument).
 *
 * @example ensureDirectory('/tmp/a/b', '--out') // ['/tmp/a', '/tmp/a/b'] when /tmp/a did not exist
 * @example ensureDirectory('/proc/x', '--out') // throws PathError "--out: cannot create '/proc/x' (ENOENT)"
 * @throws PathError when a component is a file ("… is a file, not a folder"), the deepest existing
 *   folder is not writable, or `mkdir` fails.
 */
export function ensureDirectory(path: string, label = 'output folder'): string[] {
  const target = resolve(path);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    const st = statOrNull(existing, label);
    if (st !== null) {
      if (!st.isDirectory()) {
        throw new PathError(existing === target ? `${label}: '${target}' is a file, not a folder` : `${label}: '${target}' is under '${existing}', a file, not a folder`);
      }
      break;
    }
    missing.unshift(existing);
    const parent = dirname(existing);
    if (parent === existing) break;
    existing = parent;
  }
  try {
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch {
    throw new PathError(`${label}: '${existing}' is not writable${existing === target ? '' : ` (needed to create '${target}')`}`);
  }
  const created: string[] = [];
  for (const dir of missing) {
    try {
      mkdirSync(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST' && statOrNull(dir, label)?.isDirectory()) continue;
      throw new PathError(`${label}: cannot create '${dir}' (${reason(error)})`);
    }
    created.push(dir);
  }
  return created;
}
