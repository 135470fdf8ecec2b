import { describe, expect, it } from 'vitest';
import { cliStart, CLI_START_COMMANDS } from './cliStart.ts';

// The workload's shape, not its speed (timings belong to `npm run bench`, never to a test).
describe('cliStart', () => {
  it('one measurement per command, in seconds, over the runs, with the launcher mode recorded', () => {
    const log: string[] = [];
    const r = cliStart({ runs: 2, npx: false, log: (l) => log.push(l) });
    expect(r.workload).toBe('cli-start');
    expect(r.measurements.map((x) => x.id)).toEqual([...CLI_START_COMMANDS.map((c) => c.id), 'cli-start.node']);
    for (const x of r.measurements) {
      expect(x).toMatchObject({ workload: 'cli-start', unit: 's', better: 'lower', side: 'ours' });
      expect(x.summary.runs).toBe(2);
      expect(x.summary.min).toBeGreaterThan(0);
    }
    expect(r.config.mode).toMatch(/^(dist\/|sources through tsx \(dist\/ missing or stale\))$/);
    expect(log).toHaveLength(2 * (CLI_START_COMMANDS.length + 1));
    expect(CLI_START_COMMANDS.map((c) => c.target)).toEqual([0.3, 0.5]);
  });
});
