import * as tf from '@tensorflow/tfjs-core';
import { jsSgemm } from './jsSgemm.ts';
import type { SgemmArgs } from './types.ts';

/** Below this m·n·k a product runs in JavaScript: uploading it to tfjs costs more than computing it. */
export const TFJS_SGEMM_MIN_WORK = 32768;

/** op(X) as a packed row-major rows × cols copy (a view when X is already packed and untransposed). */
function packed(x: Float32Array, ld: number, trans: boolean, rows: number, cols: number): Float32Array {
  if (!trans && ld === cols) return x.subarray(0, rows * cols);
  const out = new Float32Array(rows * cols);
  if (!trans) {
    for (let i = 0; i < rows; i++) out.set(x.subarray(i * ld, i * ld + cols), i * cols);
    return out;
  }
  // Stored cols × rows with stride ld; out[i][j] = x[j][i].
  for (let j = 0; j < cols; j++) {
    const base = j * ld;
    for (let i = 0; i < rows; i++) out[i * cols + j] = x[base + i]!;
  }
  return out;
}

/**
 * The GEMM interface without a system BLAS: products of at least TFJS_SGEMM_MIN_WORK multiply-adds
 * go to the active TensorFlow.js backend's matMul on packed, untransposed operands (on wasm that
 * is XNNPACK's fast path — the one the suite used before the BLAS provider), smaller ones to
 * `jsSgemm`. alpha and beta are applied in JavaScript on the downloaded product. Conventions of
 * `SgemmArgs`; no argument checks (see `validateSgemm`).
 *
 * @example tfjsSgemm({ transA: false, transB: false, m: 64, n: 64, k: 64, alpha: 1, a, lda: 64, b, ldb: 64, beta: 0, c, ldc: 64 })
 * // c = a·b through tf.matMul (64³ = 262,144 ≥ 32,768)
 */
export function tfjsSgemm(x: SgemmArgs): void {
  const { m, n, k } = x;
  if (m * n * k < TFJS_SGEMM_MIN_WORK) {
    jsSgemm(x);
    return;
  }
  const product = tf.tidy(() => {
    const a = tf.tensor2d(packed(x.a, x.lda, x.transA, m, k), [m, k], 'float32');
    const b = tf.tensor2d(packed(x.b, x.ldb, x.transB, k, n), [k, n], 'float32');
    return tf.matMul(a, b);
  });
  const p = product.dataSync() as Float32Array;
  product.dispose();
  const { alpha, beta, c, ldc } = x;
  for (let i = 0; i < m; i++) {
    const ci = i * ldc;
    const pi = i * n;
    if (beta === 0) for (let j = 0; j < n; j++) c[ci + j] = alpha * p[pi + j]!;
    else for (let j = 0; j < n; j++) c[ci + j] = alpha * p[pi + j]! + beta * c[ci + j]!;
  }
}
