import type { SgemmArgs } from '../types.ts';

/**
 * Checks an sgemm call's shapes against its arrays (a wrong stride or a short array would make a
 * native BLAS read or write out of bounds): integer m, n, k ≥ 0, strides ≥ the stored row length,
 * and each array long enough for its last row.
 *
 * @example validateSgemm({ transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a, lda: 1, … }) // throws: lda
 * @throws Error naming the argument.
 */
export function validateSgemm(x: SgemmArgs): void {
  const { m, n, k } = x;
  for (const [name, v] of [['m', m], ['n', n], ['k', k]] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw new Error(`sgemm: ${name} must be an integer ≥ 0, got ${String(v)}`);
  }
  const check = (name: string, arr: Float32Array, rows: number, cols: number, ld: number): void => {
    if (!(arr instanceof Float32Array)) throw new Error(`sgemm: ${name} must be a Float32Array`);
    if (!Number.isSafeInteger(ld) || ld < Math.max(1, cols)) throw new Error(`sgemm: ld${name} must be an integer ≥ ${Math.max(1, cols)} (the stored row length), got ${String(ld)}`);
    const needed = rows === 0 || cols === 0 ? 0 : (rows - 1) * ld + cols;
    if (arr.length < needed) throw new Error(`sgemm: ${name} holds ${arr.length} values, needs ${needed} (${rows} rows of stride ${ld})`);
  };
  check('a', x.a, x.transA ? k : m, x.transA ? m : k, x.lda);
  check('b', x.b, x.transB ? n : k, x.transB ? k : n, x.ldb);
  check('c', x.c, m, n, x.ldc);
}
