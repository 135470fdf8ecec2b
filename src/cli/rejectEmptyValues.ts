import type { Command } from 'commander';

/**
 * Makes an empty option value an error on `program` and every command under it: `--out=` or
 * `--backend ''` ends with "--out needs a value (got an empty one)" instead of meaning the current
 * folder, the default backend, or a message ending in "got ''".
 *
 * @example rejectEmptyValues(program); await program.parseAsync(['verify', '--out='], { from: 'user' }) // CommanderError
 */
export function rejectEmptyValues(program: Command): void {
  const visit = (cmd: Command): void => {
    for (const option of cmd.options) {
      if (!option.required && !option.optional) continue;
      cmd.on(`option:${option.name()}`, (value: unknown) => {
        if (typeof value === 'string' && value.trim() === '') cmd.error(`${option.long ?? option.flags} needs a value (got an empty one)`, { code: 'vv.emptyValue' });
      });
    }
    for (const sub of cmd.commands) visit(sub);
  };
  visit(program);
}
