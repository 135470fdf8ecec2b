/**
 * A path that cannot serve as an output folder (under a file, not writable, not creatable): one
 * line naming the argument (`--out: '/dev/null/x' is under /dev/null, a file, not a folder`). The
 * CLI maps it to exit code 2.
 */
export class PathError extends Error {
  override readonly name = 'PathError';
}
