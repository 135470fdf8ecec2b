import { spawnSync } from 'node:child_process';
import { packagePath } from '../paths/packagePath.ts';
import { summarise } from './stats.ts';
import type { Measurement, WorkloadResult } from './types.ts';

/** The commands of the cli-start workload and the targets for them (median seconds). */
export const CLI_START_COMMANDS = [
  { id: 'cli-start.help', args: ['--help'], target: 0.3 },
  { id: 'cli-start.kurtosis', args: ['kurtosis', '--width', '10', '--depth', '5'], target: 0.5 },
] as const;

/** Options of {@link cliStart}. */
export interface CliStartOptions {
  /** Timed runs per command (after one untimed run that warms the file cache). */
  readonly runs: number;
  /** Also time `npx vv --help` (npm's own start on top; informational, no target). */
  readonly npx: boolean;
  readonly log: (line: string) => void;
}

/**
 * The cli-start workload: wall time from spawning `node bin/vv.mjs ARGS` to its exit, for
 * `--help` and `kurtosis --width 10 --depth 5` (what a user waits for), median over the runs.
 * Records whether the launcher ran the compiled dist/ or fell back to the sources (its one-line
 * notice on stderr), since only the former can meet the targets; `node -e ''` (and, with `npx`,
 * `npx vv --help`) are timed alongside, without targets, to show the floor and npm's share.
 *
 * @example cliStart({ runs: 10, npx: false, log: () => {} }).measurements[0].summary.median // ≈ 0.15 (s) from dist/
 * @throws Error when a command exits non-zero.
 */
export function cliStart(options: CliStartOptions): Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'> {
  const launcher = packagePath('bin/vv.mjs');
  const env = { ...process.env, VV_FROM_SOURCE: '' };
  const modes = new Set<string>();
  const time = (command: string, args: readonly string[], label: string): number[] => {
    const values: number[] = [];
    for (let i = -1; i < options.runs; i++) {
      const t0 = performance.now();
      const r = spawnSync(command, args, { cwd: packagePath(), env, encoding: 'utf8' });
      const seconds = (performance.now() - t0) / 1000;
      if (r.status !== 0) throw new Error(`cli-start: '${label}' exited ${String(r.status)}: ${r.stderr.trim().split('\n')[0] ?? ''}`);
      if (args[0] === launcher) modes.add(/^vv: note: dist\/ is/m.test(r.stderr) ? 'sources through tsx (dist/ missing or stale)' : 'dist/');
      if (i < 0) continue;
      values.push(seconds);
      options.log(`cli-start ${label} run ${i + 1}/${options.runs}: ${seconds.toFixed(3)} s`);
    }
    return values;
  };
  const measurements: Measurement[] = CLI_START_COMMANDS.map((c) => {
    const label = `vv ${c.args.join(' ')}`;
    return { id: c.id, workload: 'cli-start', key: c.id, side: 'ours', label: `${label} (node bin/vv.mjs, spawn to exit)`, unit: 's', better: 'lower', summary: summarise(time(process.execPath, [launcher, ...c.args], label)) };
  });
  // Node's own start, the floor under both (a busy machine raises it too).
  measurements.push({ id: 'cli-start.node', workload: 'cli-start', key: 'cli-start.node', side: 'ours', label: "node -e '' (Node's own start)", unit: 's', better: 'lower', summary: summarise(time(process.execPath, ['-e', ''], "node -e ''")), note: 'baseline; no target' });
  if (options.npx) {
    const label = 'npx vv --help';
    measurements.push({ id: 'cli-start.npx-help', workload: 'cli-start', key: 'cli-start.npx-help', side: 'ours', label, unit: 's', better: 'lower', summary: summarise(time('npx', ['vv', '--help'], label)), note: "npm's own start included; no target" });
  }
  const mode = [...modes].join(' and ');
  return {
    workload: 'cli-start',
    config: { runs: options.runs, launcher: 'node bin/vv.mjs', mode, commands: CLI_START_COMMANDS.map((c) => c.args.join(' ')) },
    measurements,
    notes: [`the launcher ran ${mode}; wall time of a fresh process each run (one untimed run first), so a busy machine shows as slower starts.`],
  };
}
