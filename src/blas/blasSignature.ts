import type { BlasInfo } from './types.ts';

/**
 * The GEMM a record was computed with, short enough to store in every record: provider, kernel
 * and threads per call. Two runs of the same task agree bit for bit only when these agree (an
 * OpenBLAS kernel sums in its own order), so a merged figure can say which records came from
 * which configuration.
 *
 * @example blasSignature({ provider: 'openblas', kernel: 'Zen', threads: 1, … }) // 'openblas Zen, 1 thread'
 * @example blasSignature(initBlas({ requested: 'off' }).info) // 'wasm'
 */
export function blasSignature(info: BlasInfo): string {
  if (info.provider === 'wasm') return 'wasm';
  const threads = info.threads === null ? "library's own threads" : `${info.threads} thread${info.threads === 1 ? '' : 's'}`;
  return `${info.provider}${info.kernel === null ? '' : ` ${info.kernel}`}, ${threads}`;
}
