import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { FigureRecord } from '../experiments/figures/taskHandler.ts';
import type { ExperimentData } from '../experiments/figures/experimentData.ts';
import type { FigureTask } from '../experiments/figures/tasks.ts';
import { createWorkerPool } from '../experiments/pool/createWorkerPool.ts';
import { runTasks, type RunTasksOutcome, type RunTasksProgress } from '../experiments/results/runTasks.ts';
import { shardTasks } from '../experiments/results/shardTasks.ts';
import type { Shard } from '../experiments/results/parseShard.ts';
import { figureJobTasks, type FigureJob } from './figureJobs.ts';

/** BLAS threads per call in figure runs (see runFigureJob). */
export const FIGURE_BLAS_THREADS = 1;

/** Options of {@link runFigureJob}. */
export interface RunFigureJobOptions {
  readonly job: FigureJob;
  /** The job's directory: `results.jsonl` goes there. */
  readonly dir: string;
  readonly resume: boolean;
  readonly runSeed: number;
  /** Run only this slice of the grid (`--shard k/n`). */
  readonly shard?: Shard;
  /**
   * Tasks at once, each in its own worker thread (default: the cores available). One job runs in a
   * worker too: this thread stays free to hear SIGINT and `signal`, so an interrupt stops the run
   * at once (a task in this thread would block them until it ended — up to half an hour for a
   * width-200 MetaInit task at paper scale — and its record would then be dropped).
   */
  readonly jobs?: number;
  /** Resolved backend name for the workers (node, wasm, cpu). */
  readonly backend?: string;
  /** Resolved BLAS library for the workers (a path, or 'off'); undefined: each worker's automatic choice (VV_BLAS). */
  readonly blas?: string;
  readonly data: ExperimentData;
  readonly onProgress?: (progress: RunTasksProgress) => void;
  readonly onWarning?: (message: string) => void;
  readonly signal?: AbortSignal;
  readonly handleSigint?: boolean;
}

/**
 * Runs (or resumes) one figure's task grid — or its shard — into `dir/results.jsonl`, with one
 * worker thread per job slot, each with its own TensorFlow.js backend and the data sets shared.
 *
 * @example await runFigureJob({ job: { figure: 'fig1', dataset: 'mnist', scale: 'smoke' }, dir: 'out/fig1-mnist', resume: false, runSeed: 1, data: { mnist } })
 * // { status: 'complete', total: 8, done: 8, ran: 8 }
 */
export async function runFigureJob(options: RunFigureJobOptions): Promise<RunTasksOutcome> {
  const all = figureJobTasks(options.job);
  const tasks = options.shard === undefined ? all : shardTasks({ tasks: all, shard: options.shard });
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), tasks.length));
  // One BLAS thread per call: the parallelism is one task per worker, so jobs × BLAS threads never
  // exceed the cores; and OpenBLAS's results change with its thread count (found by the shard /
  // resume tests: smoke-grid losses differed in the 8th digit between 1 and 2 threads), while a
  // run's records must not depend on --jobs, --shard or --resume.
  const blas = { library: options.blas, threads: FIGURE_BLAS_THREADS };
  const pool = createWorkerPool<{ task: FigureTask; seed: number }, FigureRecord>({
    size: jobs,
    module: new URL('../experiments/figures/taskHandler.ts', import.meta.url),
    init: { data: options.data, backend: options.backend, blas },
  });
  try {
    return await runTasks<FigureTask, FigureRecord>({
      tasks,
      resultsPath: join(options.dir, 'results.jsonl'),
      resume: options.resume,
      runSeed: options.runSeed,
      run: (task, seed) => pool.run({ task, seed }),
      concurrency: jobs,
      onProgress: options.onProgress,
      onWarning: options.onWarning,
      signal: options.signal,
      handleSigint: options.handleSigint,
    });
  } finally {
    // Terminates the workers, the tasks still in flight included (runTasks has dropped them).
    await pool.close();
  }
}
