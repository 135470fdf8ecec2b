import { WORKLOADS, type WorkloadName } from './types.ts';

/** `vv-bench` options, validated. */
export interface BenchOptions {
  readonly vsTorch: boolean;
  readonly only: readonly WorkloadName[];
  /** Measured runs per quantity (after the warm-up), integer ≥ 1 (default 5; the issue asks for ≥ 5). */
  readonly runs: number;
  /** Tiny sizes: a smoke test, not a benchmark. */
  readonly quick: boolean;
  /** metainit: whole 500-step initialisations instead of s/step × 500. */
  readonly full: boolean;
  /** Output folder of bench.json and bench.md (default 'reports'). */
  readonly out: string;
  /** --blas value: a BLAS library path, 'off' or 'auto' (undefined: VV_BLAS, else automatic). */
  readonly blas?: string;
  /** --backend value (undefined: VV_BACKEND, else automatic). */
  readonly backend: string | undefined;
  /** Worker threads of the multi-core figures (default: available parallelism; 1 skips them). */
  readonly workers: number | undefined;
  /** --data-dir: where CIFAR-10 is (default: the suite's search). */
  readonly dataDir: string | undefined;
  /** torch.set_num_threads of the main PyTorch run (default 1: OpenBLAS threads its GEMMs itself). */
  readonly torchThreads: number;
  readonly help: boolean;
}

/** A bad command line: the CLI prints `vv-bench: error: <message>` and exits 2. */
export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
}

export const BENCH_USAGE = `Usage: npm run bench -- [options]
Throughput of the suite's workloads (median, min, max over the runs after a warm-up) and peak memory;
writes <out>/bench.json and <out>/bench.md. Progress on stderr.
  --only LIST     comma-separated workloads: ${WORKLOADS.join(', ')} (default: all)
  --runs N        measured runs per quantity after the warm-up (default 5)
  --quick         tiny sizes (smoke test of the bench itself; numbers are not comparable)
  --full          metainit: time whole 500-step initialisations (default: s/step over a few steps × 500)
  --vs-torch      also run bench/torch_bench.py (PyTorch 1.13, apt-installed as python3-torch if missing)
  --torch-threads N  torch.set_num_threads of the main PyTorch run (default 1: OpenBLAS already
                  uses every core in a GEMM; 2 OpenMP threads on top oversubscribe the cores)
  --workers N     worker threads for the multi-core figures (default: one per core; 1 = single-core only)
  --backend NAME  TensorFlow.js backend: node, wasm, cpu or auto (default: VV_BACKEND, else auto)
  --blas PATH|off BLAS library of the fused engines (default: VV_BLAS, else OpenBLAS/BLIS/MKL if found)
  --data-dir DIR  folder containing cifar-10-batches-bin (default: the suite's search, then random data)
  --out DIR       output folder (default reports)
  -h, --help      this text`;

function positiveInteger(text: string | undefined, flag: string): number {
  if (text === undefined || !/^\d+$/.test(text.trim())) throw new BenchUsageError(`${flag} needs a positive integer, got ${text === undefined ? 'nothing' : `'${text}'`}`);
  const n = Number(text);
  if (!Number.isSafeInteger(n) || n < 1) throw new BenchUsageError(`${flag} needs a positive integer, got '${text}'`);
  return n;
}

/**
 * Parses `vv-bench`'s arguments (`--flag value` or `--flag=value`).
 *
 * @example parseBenchArgs(['--only', 'gemm,fig2', '--runs=7']).only // ['fig2', 'gemm'] (run order)
 * @throws BenchUsageError naming the bad argument.
 */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  let vsTorch = false;
  let quick = false;
  let full = false;
  let help = false;
  let runs = 5;
  let out = 'reports';
  let backend: string | undefined;
  let blas: string | undefined;
  let workers: number | undefined;
  let dataDir: string | undefined;
  let torchThreads = 1;
  let only: WorkloadName[] = [...WORKLOADS];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const flag = eq >= 0 ? raw.slice(0, eq) : raw;
    const value = (): string => {
      if (eq >= 0) return raw.slice(eq + 1);
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw new BenchUsageError(`${flag} needs a value`);
      i++;
      return next;
    };
    const noValue = (): void => {
      if (eq >= 0) throw new BenchUsageError(`${flag} takes no value`);
    };
    switch (flag) {
      case '--vs-torch': noValue(); vsTorch = true; break;
      case '--quick': noValue(); quick = true; break;
      case '--full': noValue(); full = true; break;
      case '-h':
      case '--help': noValue(); help = true; break;
      case '--runs': runs = positiveInteger(value(), '--runs'); break;
      case '--workers': workers = positiveInteger(value(), '--workers'); break;
      case '--torch-threads': torchThreads = positiveInteger(value(), '--torch-threads'); break;
      case '--out': {
        out = value();
        if (out.trim() === '') throw new BenchUsageError('--out needs a folder');
        break;
      }
      case '--backend': backend = value(); break;
      case '--blas': blas = value(); break;
      case '--data-dir': dataDir = value(); break;
      case '--only': {
        const names = value().split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (names.length === 0) throw new BenchUsageError(`--only needs workloads (${WORKLOADS.join(', ')})`);
        for (const n of names) if (!(WORKLOADS as readonly string[]).includes(n)) throw new BenchUsageError(`--only: unknown workload '${n}' (expected ${WORKLOADS.join(', ')})`);
        only = WORKLOADS.filter((w) => names.includes(w));
        break;
      }
      default:
        throw new BenchUsageError(raw.startsWith('-') ? `unknown option '${raw}'` : `unexpected argument '${raw}'`);
    }
  }
  return { vsTorch, only, runs, quick, full, out, backend, ...(blas === undefined ? {} : { blas }), workers, dataDir, torchThreads, help };
}
