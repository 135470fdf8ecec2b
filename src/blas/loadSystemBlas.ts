import { createRequire } from 'node:module';
import { validateSgemm } from './internal/validateSgemm.ts';
import type { BlasInfo, BlasProvider, Gemm, SgemmArgs } from './types.ts';

type KoffiLib = { func(signature: string): (...args: unknown[]) => unknown };
type Koffi = { load(path: string): KoffiLib; decode(buf: unknown, type: string, len?: number): unknown };

let koffi: Koffi | undefined;
/** koffi (FFI; its npm package ships prebuilt binaries), loaded on first use only. */
function loadKoffi(): Koffi {
  koffi ??= createRequire(import.meta.url)('koffi') as Koffi;
  return koffi;
}

/** The interface whose thread count the library holds now (see loadSystemBlas). */
let threadsSetBy: object | null = null;

const ROW_MAJOR = 101;
const NO_TRANS = 111;
const TRANS = 112;

/** A symbol of `lib` as a function, or null when the library does not export it. */
function optional(lib: KoffiLib, signature: string): ((...args: unknown[]) => unknown) | null {
  try {
    return lib.func(signature);
  } catch {
    return null;
  }
}

/** Options of {@link loadSystemBlas}. */
export interface LoadSystemBlasOptions {
  /** Library path or name for dlopen (e.g. 'libopenblas.so.0'). */
  readonly library: string;
  /** Threads per GEMM call, integer ≥ 1, set through the library's own call (OpenBLAS, BLIS, MKL). */
  readonly threads: number;
  readonly source: BlasInfo['source'];
  readonly unavailable?: BlasInfo['unavailable'];
}

/**
 * Loads a system BLAS through koffi and returns the GEMM interface over its `cblas_sgemm`
 * (row-major; TypedArrays are passed as pointers, without copies; subarray offsets honoured).
 * The provider is recognised by its exports: OpenBLAS (`openblas_get_config`; kernel from
 * `openblas_get_corename`, threads by `openblas_set_num_threads`), BLIS
 * (`bli_info_get_version_str`, `bli_thread_set_num_threads`), MKL (`MKL_Set_Num_Threads`),
 * Accelerate (by path; threads are its own), otherwise a plain CBLAS. Threads are set explicitly
 * (the library's global setting: one process's worker threads share it) and read back. A 2×2
 * product is checked before the library is accepted. The OPENBLAS_* environment is left as given.
 *
 * @example loadSystemBlas({ library: 'libopenblas.so.0', threads: 1, source: 'auto' }).info
 * // { provider: 'openblas', kernel: 'Haswell', config: 'OpenBLAS 0.3.21 … DYNAMIC_ARCH …', threads: 1, … }
 * @throws Error with the reason when the library cannot be loaded, lacks cblas_sgemm or computes a wrong product.
 */
export function loadSystemBlas(options: LoadSystemBlasOptions): Gemm {
  const { library, threads } = options;
  if (!Number.isSafeInteger(threads) || threads < 1) throw new Error(`loadSystemBlas: threads must be an integer ≥ 1, got ${String(threads)}`);
  const k = loadKoffi();
  let lib: KoffiLib;
  try {
    lib = k.load(library);
  } catch (error) {
    throw new Error(`cannot load ${library}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }
  const native = optional(lib, 'void cblas_sgemm(int, int, int, int, int, int, float, void *, int, void *, int, float, void *, int)');
  if (native === null) throw new Error(`${library} has no cblas_sgemm (not a CBLAS library)`);

  // The thread count is the library's global setting: two interfaces over one library (the
  // bench's 1-thread GEMM and its all-core peak) would otherwise run with whichever was set last.
  // Each call re-sets it when another interface changed it (an integer compare per call).
  let setThreads: ((n: number) => void) | null = null;
  let provider: BlasProvider = 'cblas';
  let kernel: string | null = null;
  let config: string | null = null;
  let actualThreads: number | null = null;
  const openblasConfig = optional(lib, 'const char *openblas_get_config()');
  const blisVersion = optional(lib, 'const char *bli_info_get_version_str()');
  const mklSet = optional(lib, 'void MKL_Set_Num_Threads(int)');
  if (openblasConfig !== null) {
    provider = 'openblas';
    config = String(openblasConfig()).trim();
    kernel = (optional(lib, 'const char *openblas_get_corename()')?.() as string | undefined)?.trim() ?? null;
    const f = optional(lib, 'void openblas_set_num_threads(int)');
    if (f !== null) setThreads = (n) => f(n);
    setThreads?.(threads);
    actualThreads = (optional(lib, 'int openblas_get_num_threads()')?.() as number | undefined) ?? null;
  } else if (blisVersion !== null) {
    provider = 'blis';
    config = `BLIS ${String(blisVersion())}`;
    const archId = optional(lib, 'int bli_arch_query_id()');
    const archString = optional(lib, 'const char *bli_arch_string(int)');
    if (archId !== null && archString !== null) kernel = String(archString(archId()));
    const f = optional(lib, 'void bli_thread_set_num_threads(int64_t)');
    if (f !== null) setThreads = (n) => f(n);
    setThreads?.(threads);
    const got = optional(lib, 'int64_t bli_thread_get_num_threads()')?.();
    actualThreads = got === undefined ? null : Number(got);
  } else if (mklSet !== null) {
    provider = 'mkl';
    setThreads = (n) => mklSet(n);
    setThreads(threads);
    actualThreads = (optional(lib, 'int MKL_Get_Max_Threads()')?.() as number | undefined) ?? null;
    config = 'Intel MKL';
  } else if (/Accelerate/.test(library)) {
    provider = 'accelerate';
    config = 'Apple Accelerate (threads: its own; VECLIB_MAXIMUM_THREADS)';
  }

  const token = {};
  threadsSetBy = token;
  const sgemm = (x: SgemmArgs): void => {
    validateSgemm(x);
    if (x.m === 0 || x.n === 0) return;
    if (threadsSetBy !== token && setThreads !== null) {
      setThreads(threads);
      threadsSetBy = token;
    }
    native(ROW_MAJOR, x.transA ? TRANS : NO_TRANS, x.transB ? TRANS : NO_TRANS, x.m, x.n, x.k, x.alpha, x.a, x.lda, x.b, x.ldb, x.beta, x.c, x.ldc);
  };
  // Accept the library only if it multiplies: [1 2; 3 4]·[5 6; 7 8]ᵀ = [17 23; 39 53].
  const c = new Float32Array(4).fill(Number.NaN);
  sgemm({ transA: false, transB: true, m: 2, n: 2, k: 2, alpha: 1, a: new Float32Array([1, 2, 3, 4]), lda: 2, b: new Float32Array([5, 6, 7, 8]), ldb: 2, beta: 0, c, ldc: 2 });
  if (c.join(',') !== '17,23,39,53') throw new Error(`${library}: cblas_sgemm gave [${c.join(', ')}] for a 2×2 check, expected [17, 23, 39, 53]`);
  const info: BlasInfo = { provider, library, kernel, config, threads: actualThreads, source: options.source, unavailable: options.unavailable ?? [] };
  return { info, sgemm };
}
