/**
 * Entry (i, j) of the Sylvester Hadamard matrix of any order 2^k > max(i, j):
 * H[i][j] = (−1)^popcount(i AND j) (the closed form of the recursion H_2q = [[H, H], [H, −H]]),
 * so it needs no matrix. i, j are integers in [0, 2^31).
 *
 * @example hadamardEntry(3, 1) // -1  (3 AND 1 = 1, one bit)
 */
export function hadamardEntry(i: number, j: number): 1 | -1 {
  let x = i & j;
  x ^= x >>> 16;
  x ^= x >>> 8;
  x ^= x >>> 4;
  x ^= x >>> 2;
  x ^= x >>> 1;
  return (x & 1) === 0 ? 1 : -1;
}
