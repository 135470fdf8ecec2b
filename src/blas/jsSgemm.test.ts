import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsSgemm } from './jsSgemm.ts';
import { sgemmArbitrary } from './internal/sgemmArbitrary.ts';
import { sgemmMismatches, sgemmReference } from './internal/sgemmReference.ts';
import { validateSgemm } from './internal/validateSgemm.ts';

describe('jsSgemm', () => {
  it('equals the float64 definition within float32 rounding, for every transpose, stride, offset, alpha and beta (empty products included)', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(sgemmArbitrary(), (x) => {
        reached.add(`${x.transA}/${x.transB}/${x.beta}/${x.m * x.n * x.k === 0}`);
        const reference = sgemmReference(x);
        jsSgemm(x);
        expect(sgemmMismatches(x, reference)).toEqual([]);
      }),
      { seed: 1601, numRuns: 400 },
    );
    expect(reached.size).toBe(2 * 2 * 3 * 2); // every class of the generator reached
  });

  it('teeth: the comparison rejects a product with one entry off by 1e-4 of its scale, and a swapped transpose', () => {
    const a = new Float32Array([1, 2, 3, 4, 5, 6]);
    const b = new Float32Array([1, -1, 2, 0.5, 3, 1]);
    const x = { transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, a, lda: 3, b, ldb: 2, beta: 0, c: new Float32Array(4), ldc: 2 };
    const reference = sgemmReference(x);
    jsSgemm(x);
    expect(sgemmMismatches(x, reference)).toEqual([]);
    x.c[3] = x.c[3]! * (1 + 1e-4);
    expect(sgemmMismatches(x, reference)).toHaveLength(1);
    const swapped = { ...x, transA: true, lda: 2, m: 3, k: 2, b: new Float32Array([1, 2, 3, 4]), c: new Float32Array(6) };
    const wrong = sgemmReference({ ...swapped, transA: false, lda: 2, a: new Float32Array([1, 2, 3, 4, 5, 6]) });
    jsSgemm(swapped);
    expect(sgemmMismatches(swapped, wrong).length).toBeGreaterThan(0);
  });

  it('validateSgemm names a short array or a stride below the row length', () => {
    const a = new Float32Array(4);
    expect(() => validateSgemm({ transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a, lda: 1, b: a, ldb: 2, beta: 0, c: a, ldc: 2 })).toThrow(/lda must be an integer ≥ 2/);
    expect(() => validateSgemm({ transA: false, transB: false, m: 2, n: 2, k: 3, alpha: 1, a, lda: 3, b: a, ldb: 2, beta: 0, c: a, ldc: 2 })).toThrow(/sgemm: a holds 4 values, needs 6/);
    expect(() => validateSgemm({ transA: false, transB: false, m: -1, n: 2, k: 2, alpha: 1, a, lda: 2, b: a, ldb: 2, beta: 0, c: a, ldc: 2 })).toThrow(/m must be an integer ≥ 0/);
  });
});
