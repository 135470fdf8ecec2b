import { initBlas } from '../initBlas.ts';
import type { Gemm } from '../types.ts';

/**
 * For tests: the system BLAS found by the automatic search (VV_BLAS ignored), with 1 thread, or
 * null — then the BLAS-mode tests are skipped, and say so once on stderr.
 *
 * @example const blas = systemBlasForTests(); it.skipIf(blas === null)('…', () => …)
 */
export function systemBlasForTests(): Gemm | null {
  const gemm = initBlas({ requested: 'auto', env: {}, threads: 1 });
  if (gemm.info.provider !== 'wasm') return gemm;
  if (!warned) process.stderr.write(`no system BLAS found (tried ${gemm.info.unavailable.map((u) => u.library).join(', ')}): the BLAS-mode tests are skipped; wasm mode is tested\n`);
  warned = true;
  return null;
}
let warned = false;

/** The GEMM modes every fused-engine test runs in: 'wasm' (VV_BLAS=off), and the system BLAS when present. */
export function gemmModesForTests(): { readonly name: string; readonly gemm: Gemm }[] {
  const system = systemBlasForTests();
  return [{ name: 'wasm (VV_BLAS=off)', gemm: initBlas({ requested: 'off', env: {} }) }, ...(system === null ? [] : [{ name: system.info.provider, gemm: system }])];
}
