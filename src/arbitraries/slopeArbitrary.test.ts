import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { slopeArbitrary } from './slopeArbitrary.ts';

describe('slopeArbitrary', () => {
  it('stays in [min, max], never NaN or −0', () => {
    for (const [min, max] of [[-10, 10], [0, 1], [0.2, 0.3], [3, 3]] as const) {
      fc.assert(
        fc.property(slopeArbitrary({ min, max }), (a) => {
          expect(a >= min && a <= max).toBe(true);
          expect(Object.is(a, -0)).toBe(false);
        }),
        { seed: 201, numRuns: 300 },
      );
    }
  });

  it('draws each special slope −1, 0, 0.5, 1, 2 with noticeable probability (≥ 3% of 2000 draws)', () => {
    const xs = fc.sample(slopeArbitrary(), { seed: 202, numRuns: 2000 });
    for (const a of [-1, 0, 0.5, 1, 2]) expect(xs.filter((x) => x === a).length).toBeGreaterThan(60);
    expect(new Set(xs).size).toBeGreaterThan(500);
  });

  it('rejects bad constraints at build time, naming the field', () => {
    expect(() => slopeArbitrary({ min: 1, max: 0 })).toThrow('slopeArbitrary: constraints.max must be >= constraints.min (1), got 0');
    expect(() => slopeArbitrary({ min: Number.NaN })).toThrow('slopeArbitrary: constraints.min must be a finite number, got NaN');
  });
});
