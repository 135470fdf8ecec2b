import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { hadamardEntry } from './hadamardEntry.ts';

/** (−1)^popcount(i AND j), the bits counted one by one on the binary string (independent of the XOR folding). */
function byBitCount(i: number, j: number): 1 | -1 {
  const ones = [...(i & j).toString(2)].filter((c) => c === '1').length;
  return ones % 2 === 0 ? 1 : -1;
}

describe('hadamardEntry', () => {
  it('is (−1)^popcount(i AND j) for indices using every bit below 2³¹', () => {
    const special = [0, 1, 2, 3, 255, 256, 257, 65535, 65536, 65537, 2 ** 24 + 5, 2 ** 30, 2 ** 30 + 7, 2 ** 31 - 1];
    for (const i of special) for (const j of special) expect(hadamardEntry(i, j), `${i}, ${j}`).toBe(byBitCount(i, j));
    // Single bits: (2^a, 2^b) share a bit iff a = b, so the entry is −1 exactly on the diagonal.
    for (let a = 0; a < 31; a++) for (let b = 0; b < 31; b++) expect(hadamardEntry(2 ** a, 2 ** b)).toBe(a === b ? -1 : 1);
    const rng = xoroshiro128plus(17);
    for (let t = 0; t < 2000; t++) {
      const i = rng.next() >>> 1;
      const j = rng.next() >>> 1;
      expect(hadamardEntry(i, j), `${i}, ${j}`).toBe(byBitCount(i, j));
    }
  });

  it('obeys the Sylvester recursion H_2q = [[H_q, H_q], [H_q, −H_q]] at every level q = 2^k ≤ 2³⁰', () => {
    const rng = xoroshiro128plus(18);
    for (let k = 0; k <= 30; k++) {
      const q = 2 ** k;
      for (let t = 0; t < 20; t++) {
        const i = (rng.next() >>> 0) % q;
        const j = (rng.next() >>> 0) % q;
        const h = hadamardEntry(i, j);
        expect(hadamardEntry(i, j + q)).toBe(h);
        expect(hadamardEntry(i + q, j)).toBe(h);
        expect(hadamardEntry(i + q, j + q)).toBe(-h);
      }
    }
  });
});
