import { hadamardEntry } from './internal/hadamardEntry.ts';

/**
 * The Sylvester Hadamard matrix H_p of order p = 2^k (k ≥ 0): H_1 = [1],
 * H_{2q} = [[H_q, H_q], [H_q, −H_q]]; equivalently H[i][j] = (−1)^popcount(i AND j), which is
 * what is computed (identical to SciPy's `scipy.linalg.hadamard(p)`, used by ZerO's reference
 * code). Entries ±1, H Hᵀ = p·I, symmetric. Returned row-major as p·p integers ±1. p is capped at
 * 2^14 (256 MiB); `zeroInit` does not build H_p at all, it reads the entries it needs.
 *
 * @example sylvesterHadamard(4) // Int8Array [1, 1, 1, 1,  1, -1, 1, -1,  1, 1, -1, -1,  1, -1, -1, 1]
 * @throws Error naming `sylvesterHadamard` unless p is a power of two with 1 ≤ p ≤ 2^14.
 */
export function sylvesterHadamard(p: number): Int8Array {
  if (!Number.isInteger(p) || p < 1 || p > 2 ** 14 || (p & (p - 1)) !== 0) {
    throw new Error(`sylvesterHadamard: p must be a power of two between 1 and 2^14, got ${String(p)}`);
  }
  const h = new Int8Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) h[i * p + j] = hadamardEntry(i, j);
  return h;
}
