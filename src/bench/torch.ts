import { spawn, spawnSync } from 'node:child_process';
import { packagePath } from '../paths/packagePath.ts';
import type { BenchScale } from './scale.ts';
import { summarise } from './stats.ts';
import type { Measurement, Side, TorchInfo, WorkloadName } from './types.ts';

/** A fatal problem with the PyTorch side (the CLI prints one line and exits 2). */
export class TorchSetupError extends Error {
  override readonly name = 'TorchSetupError';
}

export const TORCH_SCRIPT = packagePath('bench/torch_bench.py');

const imports = (python: string): boolean => spawnSync(python, ['-c', 'import torch, numpy'], { stdio: 'ignore' }).status === 0;

/**
 * Interpreters tried for PyTorch, in order: $VV_PYTHON, `python3` on PATH (which may be a pyenv or
 * venv interpreter that cannot see Debian's packages), then Debian's own /usr/bin/python3, where
 * `apt-get install python3-torch` puts torch.
 */
export function pythonCandidates(env: Readonly<Record<string, string | undefined>> = process.env): string[] {
  const list = [env.VV_PYTHON, 'python3', '/usr/bin/python3'].filter((p): p is string => p !== undefined && p !== '');
  return [...new Set(list)];
}

const findTorchPython = (): string | null => pythonCandidates().find(imports) ?? null;

/**
 * Finds a python3 that imports torch (and numpy); when none does, says so on stderr and runs
 * `apt-get install -y python3-torch` (Debian's PyTorch 1.13, like the authors'), once more after
 * `apt-get update` if that fails. Returns the interpreter and whether torch was installed now.
 * @throws TorchSetupError when no python3 exists or the installation fails.
 */
export function ensureTorch(log: (line: string) => void): { python: string; installedNow: boolean } {
  ensureOpenBlas(log);
  const found = findTorchPython();
  if (found !== null) return { python: found, installedNow: false };
  if (!pythonCandidates().some((p) => spawnSync(p, ['--version'], { stdio: 'ignore' }).status === 0)) throw new TorchSetupError('--vs-torch needs python3, which is not on PATH');
  log("PyTorch is not installed: installing Debian's python3-torch (apt-get install -y python3-torch)");
  const install = () => spawnSync('apt-get', ['install', '-y', 'python3-torch'], { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
  let status = install();
  if (status !== 0) {
    log('apt-get install failed; running apt-get update and trying again');
    spawnSync('apt-get', ['update'], { stdio: ['ignore', 2, 2] });
    status = install();
  }
  if (status !== 0) throw new TorchSetupError(`apt-get install -y python3-torch failed (exit ${String(status)}); install PyTorch for python3 and retry`);
  const python = findTorchPython();
  if (python === null) throw new TorchSetupError(`python3-torch installed, but none of ${pythonCandidates().join(', ')} imports torch and numpy (set VV_PYTHON)`);
  log(`PyTorch installed; using ${python}`);
  return { python, installedNow: true };
}

/**
 * Debian's python3-torch is built against the generic BLAS interface; with only the reference BLAS
 * installed its GEMM runs at a few GFLOP/s on one thread, far below the ≈ 250 GFLOP/s the issue
 * measured with OpenBLAS. Installing `libopenblas0-pthread` switches libblas.so.3 to OpenBLAS
 * (Debian alternatives), so the baseline is PyTorch as a user would run it. Says so on stderr.
 */
function ensureOpenBlas(log: (line: string) => void): void {
  if (spawnSync('dpkg', ['-s', 'libopenblas0-pthread'], { stdio: 'ignore' }).status === 0) return;
  log('installing libopenblas0-pthread (apt-get install -y libopenblas0-pthread) so that PyTorch uses OpenBLAS, not the reference BLAS');
  const status = spawnSync('apt-get', ['install', '-y', 'libopenblas0-pthread'], { stdio: ['ignore', 2, 2], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status;
  if (status !== 0) log(`apt-get install libopenblas0-pthread failed (exit ${String(status)}); PyTorch will use the reference BLAS and its GEMM-bound numbers will be low`);
}

/** PyTorch's BLAS as bench/torch_bench.py reports it. */
export interface TorchBlas {
  readonly library: string | null;
  readonly kernel: string | null;
  readonly config: string | null;
  readonly threads: number | null;
  readonly env: Readonly<Record<string, string>>;
}

/** What bench/torch_bench.py prints with --json. */
export interface TorchOutput {
  readonly torch_version: string;
  readonly threads: number;
  readonly peak_rss_bytes: number | null;
  readonly notes: readonly string[];
  /** The BLAS torch.mm ran on, its kernel, threads and the OPENBLAS_* environment (absent from older scripts). */
  readonly blas?: TorchBlas;
  readonly measurements: readonly { id: string; workload: WorkloadName; key: string; side: Side; label: string; unit: string; better: 'higher' | 'lower'; values: number[]; note?: string }[];
}

/** Turns the script's JSON into measurements (median, min, max of its values). */
export function parseTorchOutput(text: string): { info: Omit<TorchInfo, 'installedNow' | 'seconds' | 'python'>; measurements: Measurement[] } {
  const o = JSON.parse(text) as TorchOutput;
  return {
    info: { version: o.torch_version, threads: o.threads, peakRssBytes: o.peak_rss_bytes, notes: o.notes, ...(o.blas === undefined ? {} : { blas: o.blas }) },
    measurements: o.measurements.map((m) => ({ id: m.id, workload: m.workload, key: m.key, side: m.side, label: m.label, unit: m.unit, better: m.better, summary: summarise(m.values), ...(m.note !== undefined ? { note: m.note } : {}) })),
  };
}

/** Options of {@link runTorchBench} and {@link runTorchGrid}. */
export interface TorchBenchOptions {
  readonly scale: BenchScale;
  readonly only: readonly WorkloadName[];
  readonly runs: number;
  /** torch.set_num_threads of each process. */
  readonly threads: number;
  readonly cifarDir: string | null;
  readonly mean: readonly number[];
  readonly std: readonly number[];
  readonly installedNow: boolean;
  readonly python: string;
}

function torchArgs(options: TorchBenchOptions, extra: readonly string[] = []): string[] {
  return [
    TORCH_SCRIPT,
    '--json',
    '--only', options.only.join(','),
    '--runs', String(options.runs),
    '--threads', String(options.threads),
    '--config', JSON.stringify(options.scale),
    '--mean', options.mean.join(','),
    '--std', options.std.join(','),
    ...(options.cifarDir !== null ? ['--cifar', options.cifarDir] : []),
    ...extra,
  ];
}

/**
 * Runs bench/torch_bench.py with the same sizes (`scale`), workloads and runs; its progress goes to
 * our stderr, its JSON (stdout) is parsed.
 * @throws TorchSetupError when the script fails.
 */
export function runTorchBench(options: TorchBenchOptions): { info: TorchInfo; measurements: Measurement[] } {
  const t0 = performance.now();
  const r = spawnSync(options.python, torchArgs(options), { stdio: ['ignore', 'pipe', 2], encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new TorchSetupError(`bench/torch_bench.py failed (exit ${String(r.status ?? r.signal)})`);
  const { info, measurements } = parseTorchOutput(r.stdout);
  return { info: { ...info, python: options.python, installedNow: options.installedNow, seconds }, measurements };
}

/**
 * PyTorch's side of the experiment grid: `processes` copies of bench/torch_bench.py's tuned
 * fig3-train form run at once, each single-threaded (torch.set_num_threads(1) and
 * OPENBLAS_NUM_THREADS=1, one process per core, as one would spread a grid of independent
 * trainings), and run i's steps/s are summed over the processes — the same sum our grid reports.
 * One measurement `torch.<key>.tuned.grid` per fig3-train configuration.
 *
 * @example await runTorchGrid({ ...options, only: ['fig3-train'] }, 2) // [{ id: 'torch.fig3-train.w10d100.tuned.grid', … }, …]
 * @throws TorchSetupError when a process fails.
 */
export async function runTorchGrid(options: TorchBenchOptions, processes: number): Promise<Measurement[]> {
  const args = torchArgs({ ...options, only: ['fig3-train'], threads: 1 }, ['--fig3-forms', 'tuned', '--id-suffix', '.grid-process', '--no-eval']);
  const outputs = await Promise.all(
    Array.from({ length: processes }, () =>
      new Promise<string>((resolvePromise, reject) => {
        const child = spawn(options.python, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } });
        let out = '';
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => (out += chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => (code === 0 ? resolvePromise(out) : reject(new TorchSetupError(`bench/torch_bench.py (grid process) failed (exit ${String(code ?? signal)})`))));
      }),
    ),
  );
  return sumGridOutputs(outputs.map((text) => JSON.parse(text) as TorchOutput));
}

/**
 * The grid measurement from its processes' outputs: run i's value is the sum over the processes of
 * their run i (steps/s of independent trainings running at once); ids lose their `.grid-process`.
 * @throws TorchSetupError when a process lacks a value another one has.
 *
 * @example sumGridOutputs([a, b]) // a process measuring [10, 11] and one measuring [9, 12] → values [19, 23]
 */
export function sumGridOutputs(perProcess: readonly TorchOutput[]): Measurement[] {
  const processes = perProcess.length;
  return perProcess[0]!.measurements.map((m) => {
    const values = m.values.map((_, i) =>
      perProcess.reduce((sum, o, k) => {
        const v = o.measurements.find((x) => x.id === m.id)?.values[i];
        if (v === undefined || !Number.isFinite(v)) throw new TorchSetupError(`PyTorch grid process ${k + 1} of ${processes} reported no ${m.id} for run ${i + 1}`);
        return sum + v;
      }, 0),
    );
    return {
      id: m.id.replace('.grid-process', '.grid'),
      workload: m.workload,
      key: m.key,
      side: m.side,
      label: `${m.label}; grid of ${processes} single-thread processes at once (OPENBLAS_NUM_THREADS=1), steps/s summed`,
      unit: m.unit,
      better: m.better,
      summary: summarise(values),
      note: 'sum of the processes\' steps/s, run by run',
    };
  });
}
