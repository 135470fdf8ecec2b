import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { createRequire } from 'node:module';
import { loadSystemBlas } from './loadSystemBlas.ts';
import { describe, expect, it } from 'vitest';
import { blasThreads } from './blasThreads.ts';
import { describeBlas } from './describeBlas.ts';
import { currentGemm, initBlas } from './initBlas.ts';
import { jsSgemm } from './jsSgemm.ts';
import { sgemmArbitrary } from './internal/sgemmArbitrary.ts';
import { sgemmMismatches, sgemmReference } from './internal/sgemmReference.ts';
import { systemBlasForTests } from './internal/systemBlasForTests.ts';
import { TFJS_SGEMM_MIN_WORK } from './tfjsSgemm.ts';

const system = systemBlasForTests();

describe('initBlas', () => {
  it("'off' (option or VV_BLAS) gives the wasm path and says why; the option wins over the variable", () => {
    expect(initBlas({ requested: 'off' }).info).toMatchObject({ provider: 'wasm', library: null, source: 'option' });
    expect(initBlas({ env: { VV_BLAS: 'off' } }).info).toMatchObject({ provider: 'wasm', source: 'environment' });
    expect(initBlas({ requested: 'off', env: { VV_BLAS: '/nonexistent/libblas.so' } }).info.provider).toBe('wasm');
    expect(describeBlas(initBlas({ env: { VV_BLAS: 'off' } }).info)).toMatch(/^blas: wasm — VV_BLAS off/);
    expect(currentGemm().info.provider).toBe('wasm');
  });

  it('a missing library is not an error in automatic mode: wasm, with what was tried', () => {
    const gemm = initBlas({ env: {}, candidates: ['libvv-no-such-blas.so.7'] });
    expect(gemm.info).toMatchObject({ provider: 'wasm', source: 'auto' });
    expect(gemm.info.unavailable).toEqual([{ library: 'libvv-no-such-blas.so.7', reason: expect.stringMatching(/cannot load libvv-no-such-blas\.so\.7/) }]);
    expect(describeBlas(gemm.info)).toMatch(/no system BLAS found \(tried libvv-no-such-blas\.so\.7\)/);
  });

  it('an explicitly named library that cannot load is an error naming --blas or VV_BLAS', () => {
    expect(() => initBlas({ requested: '/nonexistent/libopenblas.so' })).toThrow(/^--blas: cannot load \/nonexistent\/libopenblas\.so/);
    expect(() => initBlas({ env: { VV_BLAS: '/nonexistent/x.so' } })).toThrow(/^VV_BLAS: cannot load/);
    expect(() => initBlas({ requested: 'off', threads: 0 })).toThrow(/threads must be an integer ≥ 1/);
  });

  it('blasThreads never oversubscribes: workers × threads ≤ cores', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), (workers, cores) => {
        const t = blasThreads({ workers, cores });
        expect(t).toBeGreaterThanOrEqual(1);
        if (workers <= cores) expect(workers * t).toBeLessThanOrEqual(cores);
        else expect(t).toBe(1);
      }),
      { seed: 1602, numRuns: 200 },
    );
    expect(blasThreads({ workers: 2, cores: 2 })).toBe(1);
    expect(() => blasThreads({ workers: 0 })).toThrow(/options.workers/);
  });

  it('the wasm path (tfjs matMul for large products, JavaScript for small) equals the definition', async () => {
    await tf.setBackend('cpu');
    const gemm = initBlas({ requested: 'off' });
    let large = 0;
    fc.assert(
      fc.property(fc.oneof(sgemmArbitrary(), sgemmArbitrary({ minDim: 30, maxDim: 48, maxPad: 2 })), (x) => {
        if (x.m * x.n * x.k >= TFJS_SGEMM_MIN_WORK) large++;
        const reference = sgemmReference(x);
        gemm.sgemm(x);
        expect(sgemmMismatches(x, reference)).toEqual([]);
      }),
      { seed: 1603, numRuns: 150 },
    );
    expect(large).toBeGreaterThan(10); // the tfjs branch is reached
  });
});

describe.skipIf(system === null)('the system BLAS (skipped when none is installed)', () => {
  it('reports its library, kernel and the thread count it was set to', () => {
    const info = system!.info;
    expect(info.library).not.toBeNull();
    expect(info.threads).toBe(1);
    if (info.provider === 'openblas') {
      expect(info.kernel).toMatch(/\S/);
      expect(info.config).toMatch(/OpenBLAS/);
    }
    expect(describeBlas(info)).toMatch(new RegExp(`^blas: ${info.provider} `));
  });

  it('two interfaces over one library keep their own thread counts (the setting is the library\'s global one)', () => {
    if (system!.info.provider !== 'openblas') return;
    const library = system!.info.library!;
    const koffi = createRequire(import.meta.url)('koffi') as { load(p: string): { func(s: string): () => number } };
    const getThreads = koffi.load(library).func('int openblas_get_num_threads()');
    const one = loadSystemBlas({ library, threads: 1, source: 'option' });
    const two = loadSystemBlas({ library, threads: 2, source: 'option' });
    expect(getThreads()).toBe(2); // the last one loaded set it
    const x = { transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a: new Float32Array(4), lda: 2, b: new Float32Array(4), ldb: 2, beta: 0, c: new Float32Array(4), ldc: 2 };
    one.sgemm(x);
    expect(getThreads()).toBe(1);
    two.sgemm(x);
    expect(getThreads()).toBe(2);
    system!.sgemm(x); // the suite's own 1-thread interface takes its count back
    expect(getThreads()).toBe(1);
  });

  it('cblas_sgemm equals the definition for every transpose, stride, subarray offset, alpha and beta', () => {
    fc.assert(
      fc.property(sgemmArbitrary({ maxDim: 33 }), (x) => {
        const reference = sgemmReference(x);
        system!.sgemm(x);
        expect(sgemmMismatches(x, reference)).toEqual([]);
      }),
      { seed: 1604, numRuns: 300 },
    );
  });

  it('agrees with jsSgemm on a training-sized product (90×3072 · (200×3072)ᵀ)', () => {
    const [m, n, k] = [90, 200, 3072];
    const a = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i));
    const b = Float32Array.from({ length: n * k }, (_, i) => Math.cos(i * 0.7));
    const x = { transA: false, transB: true, m, n, k, alpha: 1, a, lda: k, b, ldb: k, beta: 0, ldc: n };
    const c1 = new Float32Array(m * n);
    const c2 = new Float32Array(m * n);
    const reference = sgemmReference({ ...x, c: c1 });
    system!.sgemm({ ...x, c: c1 });
    jsSgemm({ ...x, c: c2 });
    expect(sgemmMismatches({ ...x, c: c1 }, reference)).toEqual([]);
    expect(sgemmMismatches({ ...x, c: c2 }, reference)).toEqual([]);
  });

  it('rejects a call whose arrays are too short before it reaches native code', () => {
    const a = new Float32Array(3);
    expect(() => system!.sgemm({ transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 1, a, lda: 2, b: new Float32Array(4), ldb: 2, beta: 0, c: new Float32Array(4), ldc: 2 })).toThrow(/sgemm: a holds 3 values, needs 4/);
  });
});
