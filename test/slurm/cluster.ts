import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, totalmem } from 'node:os';
import { join } from 'node:path';

/** The programs a single-node Slurm cluster needs (Debian: slurm-wlm, munge). */
export const SLURM_PROGRAMS = ['munged', 'slurmctld', 'slurmd', 'sbatch', 'squeue', 'scontrol', 'sinfo', 'scancel'] as const;

/** Why a cluster cannot be started here (null: it can): a missing program, or not root. */
export function slurmUnavailable(): string | null {
  const missing = SLURM_PROGRAMS.filter((p) => spawnSync('sh', ['-c', `command -v ${p}`], { stdio: 'ignore' }).status !== 0);
  if (missing.length > 0) return `${missing.join(', ')} not installed (apt-get install slurm-wlm munge; .ci/run does)`;
  if (process.getuid?.() !== 0) return 'not root (slurmd must run as root)';
  return null;
}

/** A running single-node cluster: its slurm.conf and the environment its clients need. */
export interface Cluster {
  readonly dir: string;
  readonly conf: string;
  /** `process.env` plus SLURM_CONF. */
  readonly env: NodeJS.ProcessEnv;
  readonly cpus: number;
  readonly memoryMb: number;
  /** Runs a Slurm client (sbatch, scontrol, …) against this cluster; its stdout. */
  client(program: string, args: readonly string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv }): string;
  /** The daemons' logs, for a failure message. */
  logs(): string;
  /** Cancels `jobs`, stops slurmd, slurmctld and munged (the processes it started, by pid). */
  stop(jobs?: readonly string[]): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, ok: () => boolean, timeoutMs: number, logs: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`slurm test cluster: ${what} did not happen within ${timeoutMs / 1000} s\n${logs()}`);
    await sleep(500);
  }
}

/**
 * Starts munged (its own key and socket), slurmctld and slurmd in `dir`, as root, with a generated
 * slurm.conf for a container: one node (127.0.0.1), no cgroups (proctrack/linuxproc, task/none),
 * no accounting, free ports, ReturnToService=2; resolves when the node is idle.
 */
export async function startCluster(dir: string): Promise<Cluster> {
  const children: ChildProcess[] = [];
  const logFiles: string[] = [];
  const logs = (): string =>
    logFiles
      .filter((f) => existsSync(f))
      .map((f) => `--- ${f}\n${readFileSync(f, 'utf8').split('\n').slice(-15).join('\n')}`)
      .join('\n');
  const daemon = (program: string, args: string[], log: string): ChildProcess => {
    logFiles.push(log);
    const out = openSync(log, 'a');
    const child = spawn(program, args, { stdio: ['ignore', out, out], env: { ...process.env, SLURM_CONF: join(dir, 'slurm.conf') } });
    children.push(child);
    return child;
  };
  const stopAll = async (): Promise<void> => {
    for (const child of children.reverse()) {
      if (child.exitCode !== null || child.signalCode !== null) continue;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };

  try {
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755); // munged wants its socket's folders searchable by all
    const key = join(dir, 'munge.key');
    writeFileSync(key, randomBytes(1024), { mode: 0o400 });
    const socket = join(dir, 'munge.sock');
    daemon('munged', ['-F', '-f', `--socket=${socket}`, `--key-file=${key}`, `--pid-file=${join(dir, 'munged.pid')}`, `--seed-file=${join(dir, 'munged.seed')}`, `--log-file=${join(dir, 'munged.log')}`], join(dir, 'munged.out'));
    await waitFor('munged socket', () => existsSync(socket), 30_000, logs);

    for (const d of ['state', 'spool']) mkdirSync(join(dir, d), { recursive: true });
    const cpus = Math.max(2, availableParallelism()); // the array script asks for 2 CPUs per task
    const memoryMb = Math.floor((totalmem() / 2 ** 20) * 0.8);
    const node = 'vvnode';
    const conf = join(dir, 'slurm.conf');
    writeFileSync(
      conf,
      [
        'ClusterName=vvtest',
        'SlurmctldHost=localhost(127.0.0.1)',
        `SlurmctldPort=${await freePort()}`,
        `SlurmdPort=${await freePort()}`,
        'SlurmUser=root',
        'SlurmdUser=root',
        'AuthType=auth/munge',
        'CredType=cred/munge',
        `AuthInfo=socket=${socket}`,
        `StateSaveLocation=${join(dir, 'state')}`,
        `SlurmdSpoolDir=${join(dir, 'spool')}`,
        `SlurmctldPidFile=${join(dir, 'slurmctld.pid')}`,
        `SlurmdPidFile=${join(dir, 'slurmd.pid')}`,
        `SlurmctldLogFile=${join(dir, 'slurmctld.log')}`,
        `SlurmdLogFile=${join(dir, 'slurmd.log')}`,
        'ProctrackType=proctrack/linuxproc',
        'TaskPlugin=task/none',
        'JobAcctGatherType=jobacct_gather/none',
        'AccountingStorageType=accounting_storage/none',
        'JobCompType=jobcomp/none',
        'MpiDefault=none',
        'SchedulerType=sched/backfill',
        'SelectType=select/cons_tres',
        'SelectTypeParameters=CR_Core',
        'ReturnToService=2',
        'MinJobAge=3600',
        // CPUs may exceed the machine's (a 1-core CI runner still runs the 2-CPU array tasks).
        'SlurmdParameters=config_overrides',
        `NodeName=${node} NodeAddr=127.0.0.1 NodeHostname=localhost CPUs=${cpus} RealMemory=${memoryMb} State=UNKNOWN`,
        `PartitionName=vv Nodes=${node} Default=YES MaxTime=INFINITE State=UP`,
        '',
      ].join('\n'),
    );
    const env = { ...process.env, SLURM_CONF: conf };
    daemon('slurmctld', ['-D', '-f', conf], join(dir, 'slurmctld.out'));
    const client = (program: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): string => {
      const r = spawnSync(program, args, { encoding: 'utf8', cwd: options.cwd, env: { ...env, ...options.env } });
      if (r.status !== 0) throw new Error(`${program} ${args.join(' ')}: exit ${r.status}: ${r.stderr.trim()}`);
      return r.stdout;
    };
    await waitFor('slurmctld answering', () => spawnSync('scontrol', ['ping'], { env, encoding: 'utf8' }).stdout.includes('UP'), 60_000, logs);
    daemon('slurmd', ['-D', '-f', conf, '-N', node], join(dir, 'slurmd.out'));
    await waitFor('node idle', () => /idle/.test(spawnSync('sinfo', ['-h', '-n', node, '-o', '%T'], { env, encoding: 'utf8' }).stdout), 90_000, logs);
    return {
      dir,
      conf,
      env,
      cpus,
      memoryMb,
      client,
      logs,
      async stop(jobs = []) {
        if (jobs.length > 0) spawnSync('scancel', [...jobs], { env, stdio: 'ignore' });
        await stopAll();
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
