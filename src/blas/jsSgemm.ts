import type { SgemmArgs } from './types.ts';

/**
 * sgemm (row-major, C ← alpha·op(A)·op(B) + beta·C; conventions of `SgemmArgs`) in plain
 * JavaScript: with transB, each C entry is one dot product accumulated in float64 and rounded
 * once; without, row i of C is built by axpy updates C_i += (alpha·A'(i,p))·B_p, rounded to
 * float32 after each update. The reference of the native paths' tests, and the fast path for
 * tiny products (width-10 layers: a call costs less than any dispatch). Like the reference BLAS,
 * the axpy form skips a zero A(i,p) (0·NaN in B does not reach C). No argument checks (see
 * `validateSgemm`); beta = 0 overwrites C (NaN included).
 *
 * @example const c = new Float32Array(1); jsSgemm({ transA: false, transB: true, m: 1, n: 1, k: 2, alpha: 1,
 *   a: new Float32Array([1, 2]), lda: 2, b: new Float32Array([3, 4]), ldb: 2, beta: 0, c, ldc: 1 }); c[0] // 11
 */
export function jsSgemm(x: SgemmArgs): void {
  const { transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc } = x;
  if (transB) {
    for (let i = 0; i < m; i++) {
      const ci = i * ldc;
      for (let j = 0; j < n; j++) {
        const bj = j * ldb;
        let s = 0;
        if (transA) for (let p = 0; p < k; p++) s += a[p * lda + i]! * b[bj + p]!;
        else {
          const ai = i * lda;
          for (let p = 0; p < k; p++) s += a[ai + p]! * b[bj + p]!;
        }
        c[ci + j] = beta === 0 ? alpha * s : alpha * s + beta * c[ci + j]!;
      }
    }
    return;
  }
  for (let i = 0; i < m; i++) {
    const ci = i * ldc;
    if (beta === 0) c.fill(0, ci, ci + n);
    else if (beta !== 1) for (let j = 0; j < n; j++) c[ci + j]! *= beta;
    for (let p = 0; p < k; p++) {
      const aip = alpha * (transA ? a[p * lda + i]! : a[i * lda + p]!);
      if (aip === 0) continue;
      const bp = p * ldb;
      for (let j = 0; j < n; j++) c[ci + j]! += aip * b[bp + j]!;
    }
  }
}
