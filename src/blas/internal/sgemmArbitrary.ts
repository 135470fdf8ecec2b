import fc from 'fast-check';
import type { SgemmArgs } from '../types.ts';

/** Constraints of {@link sgemmArbitrary}. */
export interface SgemmArbitraryConstraints {
  /** Smallest m, n and k (default 0). */
  readonly minDim?: number;
  /** Largest m, n and k (default 9). */
  readonly maxDim?: number;
  /** Extra stride padding up to this many entries per row (default 3). */
  readonly maxPad?: number;
  /** Extra leading entries before each array's first element, to test subarray views (default 2). */
  readonly maxOffset?: number;
}

/**
 * For tests: sgemm calls over every combination of transposes, dimensions 0…maxDim (the empty
 * products included), padded strides, subarray offsets, alpha ∈ {1, −0.5, 2.25} and beta ∈ {0, 1, −1.5},
 * with C pre-filled (NaN when beta = 0, which BLAS must ignore).
 *
 * @example fc.sample(sgemmArbitrary(), 1)[0].transA // true or false
 */
export function sgemmArbitrary(constraints: SgemmArbitraryConstraints = {}): fc.Arbitrary<SgemmArgs> {
  const maxDim = constraints.maxDim ?? 9;
  const maxPad = constraints.maxPad ?? 3;
  const maxOffset = constraints.maxOffset ?? 2;
  const dim = fc.integer({ min: constraints.minDim ?? 0, max: maxDim });
  const pad = fc.integer({ min: 0, max: maxPad });
  const offset = fc.integer({ min: 0, max: maxOffset });
  return fc
    .record({ transA: fc.boolean(), transB: fc.boolean(), m: dim, n: dim, k: dim, padA: pad, padB: pad, padC: pad, offA: offset, offB: offset, offC: offset, alpha: fc.constantFrom(1, -0.5, 2.25), beta: fc.constantFrom(0, 1, -1.5), seed: fc.integer({ min: 1, max: 2 ** 30 }) })
    .map((r) => {
      let s = r.seed;
      const next = (): number => {
        s = (Math.imul(s, 1103515245) + 12345) >>> 0;
        return Math.fround((s / 2 ** 32) * 4 - 2);
      };
      const matrix = (rows: number, cols: number, padding: number, off: number): { arr: Float32Array; ld: number } => {
        const ld = Math.max(1, cols) + padding;
        const base = new Float32Array(off + rows * ld);
        for (let i = 0; i < base.length; i++) base[i] = next();
        return { arr: base.subarray(off), ld };
      };
      const a = r.transA ? matrix(r.k, r.m, r.padA, r.offA) : matrix(r.m, r.k, r.padA, r.offA);
      const b = r.transB ? matrix(r.n, r.k, r.padB, r.offB) : matrix(r.k, r.n, r.padB, r.offB);
      const c = matrix(r.m, r.n, r.padC, r.offC);
      if (r.beta === 0) c.arr.fill(Number.NaN);
      return { transA: r.transA, transB: r.transB, m: r.m, n: r.n, k: r.k, alpha: r.alpha, a: a.arr, lda: a.ld, b: b.arr, ldb: b.ld, beta: r.beta, c: c.arr, ldc: c.ld };
    });
}
