import { describe, it, expect } from 'vitest';
import { sylvesterHadamard } from './sylvesterHadamard.ts';

/** H_p by the recursive definition H_1 = [1], H_2q = [[H, H], [H, −H]] (Sylvester 1867), from scratch. */
function recursiveHadamard(p: number): number[][] {
  if (p === 1) return [[1]];
  const h = recursiveHadamard(p / 2);
  return [...h.map((row) => [...row, ...row]), ...h.map((row) => [...row, ...row.map((x) => -x)])];
}

describe('sylvesterHadamard', () => {
  it('matches the textbook H_4', () => {
    expect(Array.from(sylvesterHadamard(4))).toEqual([1, 1, 1, 1, 1, -1, 1, -1, 1, 1, -1, -1, 1, -1, -1, 1]);
  });

  it.each([1, 2, 4, 8, 16, 64, 256])('equals the recursive Sylvester construction and H Hᵀ = p·I exactly (p = %i)', (p) => {
    const h = sylvesterHadamard(p);
    expect(h.length).toBe(p * p);
    expect(Array.from(h)).toEqual(recursiveHadamard(p).flat());
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) {
        let s = 0;
        for (let k = 0; k < p; k++) s += h[i * p + k]! * h[j * p + k]!;
        expect(s).toBe(i === j ? p : 0);
      }
    }
  });

  it('rejects p that is not a power of two in [1, 2^15], naming the API', () => {
    for (const p of [0, -4, 3, 6, 12, 2.5, Number.NaN, 2 ** 15]) {
      expect(() => sylvesterHadamard(p)).toThrow('sylvesterHadamard: p must be a power of two');
    }
  });
});
