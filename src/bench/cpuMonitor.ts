import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** Other processes' CPU use over an interval, from /proc/stat (the machine) minus our own process tree. */
export interface CpuContention {
  readonly wallSeconds: number;
  readonly cores: number;
  /** Average cores busy on the machine (all processes). */
  readonly machineCores: number;
  /** Average cores used by this process (its worker threads included) and its reaped children (PyTorch). */
  readonly ownCores: number;
  /** machineCores − ownCores, at least 0: what other processes took. */
  readonly otherCores: number;
  /** otherCores > CONTENDED_OTHER_CORES: the timings of this interval were shared with other work. */
  readonly contended: boolean;
}

/** Other processes using more than this many cores on average mark an interval as contended. */
export const CONTENDED_OTHER_CORES = 0.1;

interface Snapshot {
  readonly wall: number;
  /** Busy and total jiffies of the whole machine. */
  readonly busy: number;
  /** utime + stime + cutime + cstime of this process. */
  readonly own: number;
}

/** /proc/stat's first line and /proc/self/stat's CPU times, in clock ticks (the same USER_HZ unit). */
export function parseProcStat(procStat: string, selfStat: string): { busy: number; own: number } {
  const cpu = procStat.split('\n')[0]!.trim().split(/\s+/);
  if (cpu[0] !== 'cpu') throw new Error("parseProcStat: /proc/stat does not start with 'cpu'");
  const f = cpu.slice(1, 9).map(Number); // user nice system idle iowait irq softirq steal
  const busy = f[0]! + f[1]! + f[2]! + f[5]! + f[6]! + f[7]!;
  // Fields after the command name (which may contain spaces): state is field 3, utime..cstime 14..17.
  const rest = selfStat.slice(selfStat.lastIndexOf(')') + 2).split(' ');
  const own = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14]);
  return { busy, own };
}

function snapshot(): Snapshot | null {
  try {
    const { busy, own } = parseProcStat(readFileSync('/proc/stat', 'utf8'), readFileSync('/proc/self/stat', 'utf8'));
    return { wall: performance.now(), busy, own };
  } catch {
    return null;
  }
}

/**
 * Watches the machine's CPU use from now until `stop()`: average busy cores from /proc/stat against
 * this process's own CPU time (threads and waited-for children included, /proc/self/stat), so that
 * a run sharing the cores with other work is marked `contended`, whatever the load was when it
 * started. Linux only; elsewhere `stop()` returns undefined.
 *
 * @example const m = startCpuMonitor(); runBench(); m.stop() // { otherCores: 0.02, contended: false, … }
 */
export function startCpuMonitor(clockTicksPerSecond = 100): { stop(): CpuContention | undefined } {
  const start = snapshot();
  return {
    stop() {
      const end = snapshot();
      if (start === null || end === null) return undefined;
      return contentionBetween(start, end, clockTicksPerSecond);
    },
  };
}

/** The contention between two snapshots (exported for tests). */
export function contentionBetween(start: Snapshot, end: Snapshot, clockTicksPerSecond = 100, cores = availableParallelism()): CpuContention {
  const wallSeconds = Math.max(1e-9, (end.wall - start.wall) / 1000);
  const machineCores = (end.busy - start.busy) / clockTicksPerSecond / wallSeconds;
  const ownCores = (end.own - start.own) / clockTicksPerSecond / wallSeconds;
  const otherCores = Math.max(0, machineCores - ownCores);
  return { wallSeconds, cores, machineCores, ownCores, otherCores, contended: otherCores > CONTENDED_OTHER_CORES };
}
