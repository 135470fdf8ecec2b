import { availableParallelism } from 'node:os';

/**
 * BLAS threads per call for a run with `workers` worker threads on `cores` cores: ⌊cores / workers⌋,
 * at least 1, so that workers × BLAS threads never exceed the cores (the library's thread count is
 * process-wide: every worker thread of one process shares it).
 *
 * @example blasThreads({ workers: 2, cores: 2 }) // 1
 * @example blasThreads({ workers: 1, cores: 16 }) // 16
 * @throws Error naming the field when workers or cores is not an integer ≥ 1.
 */
export function blasThreads(options: { readonly workers: number; readonly cores?: number }): number {
  const cores = options.cores ?? availableParallelism();
  for (const [name, v] of [['workers', options.workers], ['cores', cores]] as const) {
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`blasThreads: options.${name} must be an integer ≥ 1, got ${String(v)}`);
  }
  return Math.max(1, Math.floor(cores / options.workers));
}
