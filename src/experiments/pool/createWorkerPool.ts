import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Options of {@link createWorkerPool}. */
export interface WorkerPoolOptions {
  /** Worker threads, integer ≥ 1 (typically one per core: `os.availableParallelism()`). */
  readonly size: number;
  /**
   * URL (file:) of an ES module, TypeScript allowed, exporting
   * `createHandler(init): Promise<(input) => Promise<output>> | (input) => …`; each worker calls it
   * once with `init`, then serves inputs with the returned handler. A `.ts` URL whose file is
   * missing but has a compiled `.js` beside it (the caller runs from dist/) loads the `.js`; only a
   * TypeScript module makes the worker register tsx.
   */
  readonly module: URL;
  /** Structured-cloneable set-up data; SharedArrayBuffers in it are shared, not copied (e.g. a data set). */
  readonly init: unknown;
}

/** A pool of worker threads that each run one input at a time. */
export interface WorkerPool<I, O> {
  /** Runs `input` on the next free worker; rejects with the handler's error message. */
  run(input: I): Promise<O>;
  /** Terminates every worker; inputs still running reject. */
  close(): Promise<void>;
  readonly size: number;
}

/** `x.ts` → `x.js` when only the compiled file exists (`new URL('./x.ts', import.meta.url)` written in a module that runs from dist/). */
function handlerModule(url: URL): URL {
  if (url.protocol !== 'file:' || !/\.ts$/.test(url.pathname)) return url;
  const path = fileURLToPath(url);
  const compiled = path.replace(/\.ts$/, '.js');
  return !existsSync(path) && existsSync(compiled) ? pathToFileURL(compiled) : url;
}

interface Slot {
  readonly worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  current: { resolve: (o: unknown) => void; reject: (e: Error) => void } | null;
}

/**
 * Starts `size` worker threads, each with its own module instance — and so its own TensorFlow.js
 * backend — for CPU-bound tasks that should use every core (one experiment task per worker).
 * Inputs are queued and handed to free workers in call order.
 *
 * @example const pool = createWorkerPool<number, number>({ size: 2, module: new URL('./square.ts', import.meta.url), init: null });
 * await Promise.all([pool.run(3), pool.run(4)]) // [9, 16]; then await pool.close()
 * @throws Error naming `size` when it is not an integer ≥ 1.
 */
export function createWorkerPool<I, O>(options: WorkerPoolOptions): WorkerPool<I, O> {
  const { size } = options;
  const module = handlerModule(options.module);
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`createWorkerPool: options.size must be an integer >= 1, got ${String(size)}`);
  const queue: { input: I; resolve: (o: O) => void; reject: (e: Error) => void }[] = [];
  let closed = false;
  let nextId = 0;
  const slots: Slot[] = [];

  const pump = (): void => {
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.busy) continue;
      const job = queue.shift()!;
      slot.busy = true;
      slot.current = { resolve: job.resolve as (o: unknown) => void, reject: job.reject };
      const id = nextId++;
      void slot.ready.then(
        () => slot.worker.postMessage({ id, input: job.input }),
        (error: Error) => {
          slot.current = null;
          job.reject(error);
        },
      );
    }
  };

  for (let i = 0; i < size; i++) {
    const worker = new Worker(new URL('./internal/workerEntry.mjs', import.meta.url), { workerData: { module: module.href, init: options.init } });
    let markReady: () => void = () => {};
    let failStart: (e: Error) => void = () => {};
    const slot: Slot = {
      worker,
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        failStart = reject;
      }),
      busy: false,
      current: null,
    };
    slot.ready.catch(() => {}); // observed through jobs; never an unhandled rejection
    worker.on('message', (message: { ready?: boolean; ok?: boolean; output?: unknown; error?: string }) => {
      if (message.ready === true) return markReady();
      const current = slot.current;
      slot.current = null;
      slot.busy = false;
      if (current !== null) {
        if (message.ok === true) current.resolve(message.output);
        else current.reject(new Error(message.error ?? 'worker task failed'));
      }
      pump();
    });
    const fail = (error: Error): void => {
      failStart(error);
      const current = slot.current;
      slot.current = null;
      if (current !== null) current.reject(error);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`worker thread exited with code ${code}`));
    });
    slots.push(slot);
  }

  return {
    size,
    run(input: I): Promise<O> {
      if (closed) return Promise.reject(new Error('createWorkerPool: the pool is closed'));
      return new Promise<O>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        pump();
      });
    },
    async close(): Promise<void> {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error('createWorkerPool: the pool was closed'));
      for (const slot of slots) slot.current?.reject(new Error('createWorkerPool: the pool was closed'));
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
