import { describe, expect, it } from 'vitest';
import { contentionBetween, parseProcStat, startCpuMonitor } from './cpuMonitor.ts';

describe('cpuMonitor', () => {
  it('parses /proc/stat and /proc/self/stat (a command name with spaces and parentheses)', () => {
    const stat = 'cpu  100 5 50 1000 20 3 2 1 0 0\ncpu0 1 2 3 4\n';
    const self = '1234 (node (worker) x) R 1 2 3 4 5 6 7 8 9 10 40 10 3 2 20 0';
    expect(parseProcStat(stat, self)).toEqual({ busy: 100 + 5 + 50 + 3 + 2 + 1, own: 40 + 10 + 3 + 2 });
  });

  it('attributes the machine’s busy time beyond our own to other processes, and marks contention', () => {
    // 10 s, 2 cores: the machine was busy 1500 ticks (1.5 cores), we used 1000 (1 core): others 0.5 core.
    const c = contentionBetween({ wall: 0, busy: 0, own: 0 }, { wall: 10_000, busy: 1500, own: 1000 }, 100, 2);
    expect(c).toMatchObject({ machineCores: 1.5, ownCores: 1, otherCores: 0.5, contended: true });
    const quiet = contentionBetween({ wall: 0, busy: 0, own: 0 }, { wall: 10_000, busy: 1005, own: 1000 }, 100, 2);
    expect(quiet.contended).toBe(false);
  });

  it('measures this process on Linux', () => {
    const m = startCpuMonitor();
    let x = 0;
    const cpu0 = process.cpuUsage();
    // Spin until this process has used 200 ms of CPU (CPU time, not wall time: the machine may be loaded).
    while (process.cpuUsage(cpu0).user < 200_000) x += Math.sqrt(x + 1);
    const c = m.stop();
    if (process.platform !== 'linux') return expect(c).toBeUndefined();
    expect(c!.ownCores * c!.wallSeconds).toBeGreaterThan(0.1); // ≥ 0.1 CPU-seconds of the 0.2 counted as ours
    expect(x).toBeGreaterThan(0);
  });
});
