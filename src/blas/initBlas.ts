import { availableParallelism } from 'node:os';
import { blasCandidates } from './blasCandidates.ts';
import { loadSystemBlas } from './loadSystemBlas.ts';
import { tfjsSgemm } from './tfjsSgemm.ts';
import { validateSgemm } from './internal/validateSgemm.ts';
import type { BlasInfo, Gemm } from './types.ts';

/** Options of {@link initBlas}. */
export interface InitBlasOptions {
  /** `--blas` value: a library path or name, 'off' (no system BLAS), or 'auto'/undefined (search). Wins over `VV_BLAS`. */
  readonly requested?: string;
  /** Environment to read `VV_BLAS` from (default `process.env`; a worker passes `{}`). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * BLAS threads per call, integer ≥ 1 (default: the cores available). A run with W worker threads
   * passes ⌊cores / W⌋ (at least 1), so that workers × BLAS threads never exceed the cores.
   */
  readonly threads?: number;
  /** Libraries the search tries (default `blasCandidates()`); for tests. */
  readonly candidates?: readonly string[];
}

let current: { gemm: Gemm; key: string } | undefined;

function wasmGemm(source: BlasInfo['source'], unavailable: BlasInfo['unavailable']): Gemm {
  return {
    info: { provider: 'wasm', library: null, kernel: null, config: 'tfjs backend matMul (wasm: XNNPACK) for large products, JavaScript for small ones', threads: 1, source, unavailable },
    sgemm: (x) => {
      validateSgemm(x);
      tfjsSgemm(x);
    },
  };
}

/**
 * Chooses the GEMM behind every large product of the fused engines, like the tfjs backend:
 * `options.requested` (`--blas PATH|off`), else `VV_BLAS`, else automatic — the first library of
 * `blasCandidates()` that loads (OpenBLAS, BLIS, MKL, Accelerate), else 'wasm' (tfjs's matMul and
 * JavaScript). A missing library is never an error in automatic mode; an explicitly named one
 * that cannot load is (no silent fallback). Sets the library's thread count (`threads`). The
 * choice is kept for `currentGemm`; a second call with the same request returns it.
 *
 * @example initBlas({ requested: 'off' }).info.provider // 'wasm'
 * @example initBlas({ threads: 1 }).info // { provider: 'openblas', library: 'libopenblas.so.0', kernel: 'Haswell', threads: 1, … } where installed
 * @throws Error naming `--blas` or `VV_BLAS` when the named library cannot be used, or `threads` is malformed.
 */
export function initBlas(options: InitBlasOptions = {}): Gemm {
  const env = options.env ?? process.env;
  const threads = options.threads ?? availableParallelism();
  if (!Number.isSafeInteger(threads) || threads < 1) throw new Error(`initBlas: options.threads must be an integer ≥ 1, got ${String(threads)}`);
  let wanted = 'auto';
  let source: BlasInfo['source'] = 'auto';
  if (options.requested !== undefined && options.requested.trim() !== '') {
    wanted = options.requested.trim();
    source = 'option';
  } else if (env.VV_BLAS !== undefined && env.VV_BLAS.trim() !== '') {
    wanted = env.VV_BLAS.trim();
    source = 'environment';
  }
  if (wanted.toLowerCase() === 'auto') [wanted, source] = ['auto', 'auto'];
  if (wanted.toLowerCase() === 'off') wanted = 'off';
  const key = `${wanted}|${threads}|${(options.candidates ?? []).join(',')}`;
  if (current?.key === key) return { ...current.gemm, info: { ...current.gemm.info, source } };
  let gemm: Gemm;
  if (wanted === 'off') gemm = wasmGemm(source, []);
  else if (wanted !== 'auto') {
    try {
      gemm = loadSystemBlas({ library: wanted, threads, source });
    } catch (error) {
      throw new Error(`${source === 'option' ? '--blas' : 'VV_BLAS'}: ${(error as Error).message} (use a BLAS library path, 'off' or 'auto')`);
    }
  } else {
    const unavailable: { library: string; reason: string }[] = [];
    let found: Gemm | undefined;
    for (const library of options.candidates ?? blasCandidates()) {
      try {
        found = loadSystemBlas({ library, threads, source, unavailable });
        break;
      } catch (error) {
        unavailable.push({ library, reason: (error as Error).message });
      }
    }
    gemm = found ?? wasmGemm(source, unavailable);
  }
  current = { gemm, key };
  return gemm;
}

/**
 * The GEMM in use: the last `initBlas` choice, or (when none was made) the automatic one with
 * `VV_BLAS` and every core.
 *
 * @example currentGemm().info.provider // 'openblas' where libopenblas0 is installed, else 'wasm'
 */
export function currentGemm(): Gemm {
  return current?.gemm ?? initBlas();
}
