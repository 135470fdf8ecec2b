/**
 * One single-precision GEMM, row-major (C order), as cblas_sgemm(CblasRowMajor, …):
 *   C ← alpha · op(A) · op(B) + beta · C,   op(X) = Xᵀ when its flag is set, else X,
 * with op(A) m×k, op(B) k×n, C m×n. A is stored as an (transA ? k×m : m×k) matrix with row
 * stride `lda` (≥ its column count), B likewise with `ldb`, C as m×n with `ldc` ≥ n. Arrays may be
 * subarray views (their byteOffset is honoured); C must not overlap A or B. beta = 0 ignores C's
 * old contents (NaN included), as BLAS does.
 *
 * @example gemm.sgemm({ transA: false, transB: true, m: 1, n: 1, k: 2, alpha: 1, a: new Float32Array([1, 2]), lda: 2,
 *   b: new Float32Array([3, 4]), ldb: 2, beta: 0, c, ldc: 1 }) // c[0] = 11
 */
export interface SgemmArgs {
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly a: Float32Array;
  readonly lda: number;
  readonly b: Float32Array;
  readonly ldb: number;
  readonly beta: number;
  readonly c: Float32Array;
  readonly ldc: number;
}

/** Which implementation serves the GEMM interface. */
export type BlasProvider = 'openblas' | 'blis' | 'mkl' | 'accelerate' | 'cblas' | 'wasm';

/** What a report records about the GEMM in use (like the tfjs backend). */
export interface BlasInfo {
  /** 'wasm': no system BLAS; products run on tfjs's backend (wasm: XNNPACK) or in JavaScript. */
  readonly provider: BlasProvider;
  /** The shared library loaded (as given to dlopen), or null for 'wasm'. */
  readonly library: string | null;
  /** Kernel / core type (openblas_get_corename, e.g. 'Haswell'; BLIS's architecture id), null when unknown. */
  readonly kernel: string | null;
  /** Build configuration (openblas_get_config, BLIS/MKL version string), null when unknown. */
  readonly config: string | null;
  /** Threads the library was set to use per call (null: the library's own, unknown). */
  readonly threads: number | null;
  /** How it was chosen: `--blas`, `VV_BLAS`, or automatic search. */
  readonly source: 'option' | 'environment' | 'auto';
  /** Libraries tried and unusable before this choice (auto mode), with the reason. */
  readonly unavailable: readonly { readonly library: string; readonly reason: string }[];
}

/** The GEMM interface: every large matrix product of the fused engines goes through it. */
export interface Gemm {
  readonly info: BlasInfo;
  sgemm(args: SgemmArgs): void;
}
