import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { widthSequenceArbitrary } from './widthSequenceArbitrary.ts';

describe('widthSequenceArbitrary', () => {
  it('respects the length and width bounds', () => {
    fc.assert(
      fc.property(widthSequenceArbitrary({ min: 2, max: 9, minLength: 3, maxLength: 5 }), (ws) => {
        expect(ws.length >= 3 && ws.length <= 5).toBe(true);
        expect(ws.every((w) => Number.isInteger(w) && w >= 2 && w <= 9)).toBe(true);
      }),
      { seed: 251, numRuns: 300 },
    );
  });

  it('produces genuinely varying sequences often (≥ 40%), and some constant ones of length ≥ 2', () => {
    const seqs = fc.sample(widthSequenceArbitrary(), { seed: 252, numRuns: 1000 });
    const varying = seqs.filter((ws) => new Set(ws).size > 1).length;
    const constantLong = seqs.filter((ws) => ws.length >= 2 && new Set(ws).size === 1).length;
    expect(varying).toBeGreaterThan(400);
    expect(constantLong).toBeGreaterThan(20);
  });

  it('rejects bad constraints at build time', () => {
    expect(() => widthSequenceArbitrary({ minLength: 4, maxLength: 2 })).toThrow('widthSequenceArbitrary: constraints.maxLength must be an integer >= 4, got 2');
    expect(() => widthSequenceArbitrary({ min: 0 })).toThrow('widthSequenceArbitrary: constraints.min must be an integer >= 1, got 0');
  });
});
