import { describe, it, expect } from 'vitest';
import { identityInit } from './identityInit.ts';

describe('identityInit', () => {
  it.each([
    { fanOut: 2, fanIn: 3, expected: [1, 0, 0, 0, 1, 0] },
    { fanOut: 3, fanIn: 2, expected: [1, 0, 0, 1, 0, 0] },
    { fanOut: 5, fanIn: 2, expected: [1, 0, 0, 1, 0, 0, 0, 0, 0, 0] }, // tall: rows 2…4 are zero padding
    { fanOut: 2, fanIn: 2, expected: [1, 0, 0, 1] },
    { fanOut: 1, fanIn: 1, expected: [1] },
  ])('is the $fanOut×$fanIn partial identity (ones on the main diagonal)', ({ fanOut, fanIn, expected }) => {
    const w = identityInit({ fanIn, fanOut });
    expect([w.rows, w.cols]).toEqual([fanOut, fanIn]);
    expect(w.data).toBeInstanceOf(Float32Array);
    expect(Array.from(w.data)).toEqual(expected);
  });

  it('10×3072: exactly ten ones, at (i, i)', () => {
    const w = identityInit({ fanIn: 3072, fanOut: 10 });
    let ones = 0;
    w.data.forEach((x, t) => {
      if (x !== 0) {
        expect(x).toBe(1);
        expect(Math.floor(t / 3072)).toBe(t % 3072);
        ones++;
      }
    });
    expect(ones).toBe(10);
  });

  it('rejects bad options, naming identityInit and the field', () => {
    expect(() => identityInit({ fanIn: 0, fanOut: 2 })).toThrow('identityInit: options.fanIn must be an integer >= 1, got 0');
    expect(() => identityInit({ fanIn: 2, fanOut: -3 })).toThrow('identityInit: options.fanOut must be an integer >= 1, got -3');
    expect(() => identityInit({ fanIn: 0.5, fanOut: 2 })).toThrow('identityInit: options.fanIn');
    expect(() => identityInit(null as unknown as { fanIn: number; fanOut: number })).toThrow('identityInit: options must be an object, got null');
  });
});
