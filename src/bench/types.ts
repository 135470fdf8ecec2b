import type { RunSummary } from './stats.ts';
import type { BlasInfo } from '../blas/types.ts';
import type { CpuContention } from './cpuMonitor.ts';
import type { PaperEstimate } from './paperEstimate.ts';
import type { PeakFraction } from './peakFractions.ts';

/** The workloads of `npm run bench`, in the order they run. */
export const WORKLOADS = ['fig2', 'gemm', 'fig3-train', 'metainit', 'montecarlo', 'cli-start'] as const;
export type WorkloadName = (typeof WORKLOADS)[number];

/** Who ran a measurement: this suite, or PyTorch in the authors' or a tuned form. */
export type Side = 'ours' | 'torch-authors' | 'torch-tuned' | 'torch';

/** One measured quantity over the runs. */
export interface Measurement {
  /** Unique, e.g. 'fig2.single', 'torch.fig2.authors'. */
  readonly id: string;
  readonly workload: WorkloadName;
  /** Measurements with the same key are compared pair by pair (ours against each torch one). */
  readonly key: string;
  readonly side: Side;
  readonly label: string;
  /** e.g. 'networks/s', 'steps/s', 'GFLOP/s', 's'. */
  readonly unit: string;
  /** Whether a larger value is better (throughputs) or a smaller one (seconds). */
  readonly better: 'higher' | 'lower';
  readonly summary: RunSummary;
  readonly note?: string;
}

/** Peak memory seen by a workload. */
export interface MemoryPeak {
  /** process.resourceUsage().maxRSS after the workload: the process's peak RSS so far (bytes, worker threads included). */
  readonly peakRssBytes: number;
  /** Largest process.memoryUsage().rss sampled after each run (bytes). */
  readonly sampledRssBytes: number;
  /** Largest tf.memory().numBytes sampled after each run. */
  readonly tfNumBytes: number;
  /** Largest tf.memory().numTensors sampled after each run. */
  readonly tfNumTensors: number;
  /** The wasm backend's linear memory (it only grows, so this is its peak); null on other backends. */
  readonly wasmHeapBytes: number | null;
}

export interface WorkloadResult {
  readonly workload: WorkloadName;
  readonly backend: string;
  readonly config: Readonly<Record<string, unknown>>;
  readonly measurements: readonly Measurement[];
  readonly memory: MemoryPeak;
  readonly seconds: number;
  readonly notes: readonly string[];
  /** Other processes' CPU use while this workload ran (absent where /proc is not readable). */
  readonly contention?: CpuContention;
}

/** Ours against theirs for one pair of measurements with the same key. */
export interface Comparison {
  readonly key: string;
  readonly ours: string;
  readonly theirs: string;
  readonly unit: string;
  readonly oursMedian: number;
  readonly theirsMedian: number;
  /** ours / theirs, in the measurement's unit. */
  readonly ratio: number;
  /** > 1 when ours is better: the ratio for throughputs, its inverse for seconds. */
  readonly speedup: number;
}

export type TargetStatus = 'met' | 'missed' | 'not-measured';

export interface TargetResult {
  readonly id: string;
  readonly description: string;
  readonly status: TargetStatus;
  /** The compared quantity (e.g. speedup 12.3, RSS in GiB), null when not measured. */
  readonly value: number | null;
  readonly threshold: number;
  /** The numbers behind the verdict, or why it was not measured. */
  readonly detail: string;
}

export interface TorchInfo {
  readonly version: string;
  /** The interpreter that ran bench/torch_bench.py. */
  readonly python: string;
  readonly threads: number;
  readonly installedNow: boolean;
  readonly peakRssBytes: number | null;
  /** The BLAS torch.mm ran on (library, kernel, threads, OPENBLAS_* environment). */
  readonly blas?: { readonly library: string | null; readonly kernel: string | null; readonly config: string | null; readonly threads: number | null; readonly env: Readonly<Record<string, string>> };
  readonly seconds: number;
  readonly notes: readonly string[];
}

export interface BenchReport {
  readonly generatedAt: string;
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly platform: string; readonly totalMemoryBytes: number; readonly loadAverageAtStart: readonly number[] };
  readonly backend: string;
  /** Our GEMM interface's library, kernel and threads per call (single-core measurements; grids: 1 per worker). */
  readonly blas?: BlasInfo;
  /** The OPENBLAS_* environment as given to both sides (never changed by the bench). */
  readonly openblasEnv?: Readonly<Record<string, string>>;
  /** Other processes' CPU use over the whole bench (PyTorch's processes counted as ours). */
  readonly contention?: CpuContention;
  /** Every GFLOP/s measurement as a fraction of the BLAS's own measured peak. */
  readonly peakFractions?: readonly PeakFraction[];
  /** The whole paper at paper scale, from this run's rates. */
  readonly paperEstimate?: PaperEstimate;
  readonly data: { readonly label: string; readonly source: string | null; readonly randomFallback: boolean };
  readonly options: { readonly runs: number; readonly quick: boolean; readonly full: boolean; readonly workers: number; readonly only: readonly WorkloadName[]; readonly vsTorch: boolean };
  readonly workloads: readonly WorkloadResult[];
  readonly torch: TorchInfo | null;
  /** Why PyTorch's side failed, when --vs-torch was given and it did. */
  readonly torchError?: string;
  readonly torchMeasurements: readonly Measurement[];
  readonly comparisons: readonly Comparison[];
  readonly targets: readonly TargetResult[];
}
