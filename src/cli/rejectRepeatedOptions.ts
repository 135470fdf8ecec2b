import type { Command } from 'commander';

/**
 * Makes a repeated option an error on `program` and every command under it (commander keeps the
 * last value silently): `vv kurtosis --width 4 --width 5` ends with "--width given more than once
 * (4, then 5); give it once". Variadic options (`--statement <ID...>`) may be repeated: their
 * values add up.
 *
 * @example rejectRepeatedOptions(program); await program.parseAsync(['kurtosis', '--width', '4', '--width', '5'], { from: 'user' }) // CommanderError
 */
export function rejectRepeatedOptions(program: Command): void {
  const visit = (cmd: Command): void => {
    for (const option of cmd.options) {
      if (option.variadic) continue;
      const seen: string[] = [];
      cmd.on(`option:${option.name()}`, (value: unknown) => {
        seen.push(value === undefined || typeof value === 'boolean' ? '' : String(value));
        if (seen.length < 2) return;
        const values = seen.every((v) => v === '') ? '' : ` (${seen.join(', then ')})`;
        cmd.error(`${option.long ?? option.flags} given more than once${values}; give it once`, { code: 'vv.repeatedOption' });
      });
    }
    for (const sub of cmd.commands) visit(sub);
  };
  visit(program);
}
