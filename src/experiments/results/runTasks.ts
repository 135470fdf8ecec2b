import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureDirectory } from '../../io/ensureDirectory.ts';
import { appendResult } from './appendResult.ts';
import { canonicalOrder } from './internal/canonicalOrder.ts';
import { sortResultsFile } from './internal/sortResultsFile.ts';
import { parseResultsText } from './internal/parseResultsText.ts';
import { taskSeed } from './taskSeed.ts';
import type { ResultRecord, Task, WarningSink } from './types.ts';

/** Progress of {@link runTasks}: `done` of `total` tasks have a record (resumed ones included). */
export interface RunTasksProgress {
  readonly done: number;
  readonly total: number;
}

/** Options of {@link runTasks}. */
export interface RunTasksOptions<T extends Task, R> {
  /** The tasks of this run (the grid, or this shard's slice); no task twice. */
  readonly tasks: readonly T[];
  /** The `results.jsonl` to append to (its directory is created if missing). */
  readonly resultsPath: string;
  /** Continue an existing results file (`--resume`). Without it a non-empty existing file is an error. */
  readonly resume: boolean;
  /** The run seed (`--seed`); each task runs with `taskSeed({ runSeed, task })`. */
  readonly runSeed: number;
  /** Runs one task with its own seed; the returned value is stored as the record's `result`. */
  readonly run: (task: T, seed: number) => Promise<R> | R;
  /** Called once at the start and after each record is written (e.g. `createProgress(…).update(done)`). */
  readonly onProgress?: (progress: RunTasksProgress) => void;
  /** Receives warnings: a torn last line truncated, records of tasks outside `tasks` (default: ignored). */
  readonly onWarning?: WarningSink;
  /** Stops the run when aborted, as SIGINT does. */
  readonly signal?: AbortSignal;
  /** Stop cleanly on SIGINT while running (default true); the handler is removed on return. */
  readonly handleSigint?: boolean;
  /**
   * Tasks run at once (default 1), e.g. one per worker thread. Records are appended as tasks
   * complete; when the run completes, the file is rewritten (atomically) in canonical order, so
   * the final file does not depend on completion order.
   */
  readonly concurrency?: number;
}

/** Outcome of {@link runTasks}. */
export interface RunTasksOutcome {
  /** 'complete' when every task has a record; 'interrupted' after SIGINT or `signal`. */
  readonly status: 'complete' | 'interrupted';
  readonly total: number;
  /** Tasks with a record now (resumed plus run). */
  readonly done: number;
  /** Tasks run and recorded by this call. */
  readonly ran: number;
}

/** Lets pending signal handlers (SIGINT) run: awaiting settled promises alone never yields to them. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Drives a long grid run so that nothing is lost: with `resume`, reads the existing results file
 * (truncating a torn last line, which {@link appendResult} guarantees is the only possible damage),
 * then runs the tasks without a record in canonical (ascending key) order, each with its own
 * {@link taskSeed}, appending one line per completed task. Interrupted (SIGINT or `signal`), it
 * starts nothing more, discards the task in flight and returns 'interrupted'; killed outright, the
 * file still holds every completed task. Either way `resume` picks up where it stopped, and the
 * final file equals an uninterrupted run's (same lines, same order) when `run` is deterministic
 * in (task, seed).
 *
 * @example await runTasks({ tasks: [{ rep: 1 }, { rep: 0 }], resultsPath: 'out/results.jsonl', resume: false, runSeed: 42, run: (task, seed) => ({ draw: seed % 10 }) })
 * // { status: 'complete', total: 2, done: 2, ran: 2 }; the file holds the {"rep":0} line, then the {"rep":1} line
 * @throws Error telling to pass --resume or choose another --out when the file exists without `resume`;
 *   naming the key when a stored record's seed is not this run seed's; whatever `run` throws (the file stays consistent).
 */
export async function runTasks<T extends Task, R>(options: RunTasksOptions<T, R>): Promise<RunTasksOutcome> {
  const { resultsPath, resume, runSeed, run } = options;
  const warn = options.onWarning ?? (() => {});
  if (!Number.isSafeInteger(runSeed)) throw new Error(`runTasks: options.runSeed must be a safe integer, got ${String(runSeed)}`);
  const ordered = canonicalOrder('runTasks', options.tasks).map((e) => ({ ...e, seed: taskSeed({ runSeed, task: e.task }) }));
  const seedOf = new Map(ordered.map((e) => [e.key, e.seed]));
  const doneKeys = new Set<string>();
  ensureDirectory(dirname(resultsPath), '--out');
  if (existsSync(resultsPath) && statSync(resultsPath).size > 0) {
    if (!resume) throw new Error(`runTasks: ${resultsPath} already holds results; pass --resume to continue that run, or choose another --out`);
    const parsed = parseResultsText(readFileSync(resultsPath, 'utf8'), resultsPath);
    if (parsed.torn !== null) {
      warn(`${resultsPath}: removing a torn last line (${parsed.torn}); its task will run again`);
      truncateSync(resultsPath, parsed.goodBytes);
    }
    let foreign = 0;
    for (const { line, record } of parsed.lines as readonly { line: number; record: ResultRecord }[]) {
      const seed = seedOf.get(record.key);
      if (seed === undefined) foreign += 1;
      else if (record.seed !== seed)
        throw new Error(`runTasks: ${resultsPath} line ${line}: task ${record.key} ran with seed ${record.seed}, but run seed ${runSeed} gives ${seed}; resume with the same --seed`);
      else doneKeys.add(record.key);
    }
    if (foreign > 0) warn(`${resultsPath}: ${foreign} record(s) are of tasks outside this run's grid; kept, not counted`);
  }
  const total = ordered.length;
  let done = doneKeys.size;
  let ran = 0;
  const stop = new AbortController();
  const onSigint = (): void => stop.abort();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  if (options.signal?.aborted === true) stop.abort();
  const handleSigint = options.handleSigint ?? true;
  if (handleSigint) process.on('SIGINT', onSigint);
  const concurrency = options.concurrency ?? 1;
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) throw new Error(`runTasks: options.concurrency must be an integer >= 1, got ${String(concurrency)}`);
  const pending = ordered.filter((e) => !doneKeys.has(e.key));
  const stopped = new Promise<'stopped'>((resolve) => stop.signal.addEventListener('abort', () => resolve('stopped'), { once: true }));
  let failure: { error: unknown } | null = null;
  try {
    options.onProgress?.({ done, total });
    const inFlight = new Set<Promise<void>>();
    let next = 0;
    for (;;) {
      await yieldToEventLoop();
      if (stop.signal.aborted || failure !== null) break;
      while (inFlight.size < concurrency && next < pending.length) {
        const { key, task, seed } = pending[next++]!;
        const job: Promise<void> = Promise.resolve()
          .then(() => run(task, seed))
          .then(
            (result) => {
              // After SIGINT or a failure the tasks still in flight are discarded: their records are never written.
              if (stop.signal.aborted || failure !== null) return;
              // The stored task is the canonical one (keys sorted), so shards listing fields differently still write identical bytes.
              appendResult(resultsPath, { key, seed, task: JSON.parse(key) as T, result });
              done += 1;
              ran += 1;
              options.onProgress?.({ done, total });
            },
            (error: unknown) => {
              failure ??= { error };
            },
          )
          .finally(() => inFlight.delete(job));
        inFlight.add(job);
      }
      if (inFlight.size === 0) break;
      await Promise.race([...inFlight, stopped]);
    }
  } finally {
    if (handleSigint) process.off('SIGINT', onSigint);
    options.signal?.removeEventListener('abort', onAbort);
  }
  if (failure !== null) throw (failure as { error: unknown }).error;
  if (done === total && ran > 0) sortResultsFile(resultsPath);
  return { status: done === total ? 'complete' : 'interrupted', total, done, ran };
}
