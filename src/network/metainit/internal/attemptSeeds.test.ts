import { describe, expect, it } from 'vitest';
import { attemptSeeds } from './attemptSeeds.ts';

describe('attemptSeeds', () => {
  it('keeps the caller seed for the first He draw and derives every other stream', () => {
    expect(attemptSeeds(7, 0).he).toBe(7);
    expect(attemptSeeds(7, 1)).toEqual({ he: 843055952, data: 1762275344 });
    expect(attemptSeeds(7, 1)).toEqual(attemptSeeds(7, 1));
  });

  it('gives distinct 31-bit seeds across streams, attempts and nearby or large seeds', () => {
    const seen = new Set<number>();
    for (const seed of [0, 1, 2, 7, 2 ** 32, 2 ** 32 + 1, Number.MAX_SAFE_INTEGER]) {
      for (let attempt = 0; attempt < 6; attempt++) {
        const s = attemptSeeds(seed, attempt);
        for (const v of attempt === 0 ? [s.data] : [s.he, s.data]) {
          expect(Number.isInteger(v) && v >= 0 && v < 2 ** 31).toBe(true);
          seen.add(v);
        }
      }
    }
    // 7 seeds × (1 + 5·2) = 77 derived values; a collision among them would be a 77²/2³² ≈ 1e-6 event.
    expect(seen.size).toBe(77);
  });
});
