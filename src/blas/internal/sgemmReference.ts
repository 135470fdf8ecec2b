import type { SgemmArgs } from '../types.ts';

/**
 * For tests: the float64 value of every C entry, alpha·Σ_p op(A)(i,p)·op(B)(p,j) + beta·C(i,j)
 * (C read before the call), and a bound on a float32 implementation's rounding error at each,
 * 2·(k + 2)·2⁻²⁴·(|alpha|·Σ_p |op(A)(i,p)·op(B)(p,j)| + |beta·C(i,j)|) — the standard dot-product
 * error bound (k multiply-adds, then the scaling and the addition of beta·C), doubled for the
 * float32 rounding of the inputs' products in some kernels (FMA or not).
 *
 * @example sgemmReference({ transA: false, transB: false, m: 1, n: 1, k: 1, alpha: 2, a: [3], lda: 1, b: [4], ldb: 1, beta: 0, c: [9], ldc: 1 }).value // [24]
 */
export function sgemmReference(x: SgemmArgs): { value: Float64Array; bound: Float64Array } {
  const { m, n, k, alpha, beta } = x;
  const value = new Float64Array(m * n);
  const bound = new Float64Array(m * n);
  const u = 2 ** -24;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      let abs = 0;
      for (let p = 0; p < k; p++) {
        const aip = x.transA ? x.a[p * x.lda + i]! : x.a[i * x.lda + p]!;
        const bpj = x.transB ? x.b[j * x.ldb + p]! : x.b[p * x.ldb + j]!;
        s += aip * bpj;
        abs += Math.abs(aip * bpj);
      }
      const old = beta === 0 ? 0 : beta * x.c[i * x.ldc + j]!;
      value[i * n + j] = alpha * s + old;
      bound[i * n + j] = 2 * (k + 2) * u * (Math.abs(alpha) * abs + Math.abs(old)) + Number.MIN_VALUE;
    }
  }
  return { value, bound };
}

/** The entries of C (stride ldc) outside the reference's bound: [] when the product is right. */
export function sgemmMismatches(x: SgemmArgs, reference: { value: Float64Array; bound: Float64Array }): { i: number; j: number; got: number; want: number; bound: number }[] {
  const bad: { i: number; j: number; got: number; want: number; bound: number }[] = [];
  for (let i = 0; i < x.m; i++) {
    for (let j = 0; j < x.n; j++) {
      const got = x.c[i * x.ldc + j]!;
      const want = reference.value[i * x.n + j]!;
      const bound = reference.bound[i * x.n + j]!;
      if (!(Math.abs(got - want) <= bound)) bad.push({ i, j, got, want, bound });
    }
  }
  return bad;
}
