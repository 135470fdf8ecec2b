import { describe, expect, it } from 'vitest';
import { enumerationCost } from './enumerationCost.ts';

describe('enumerationCost', () => {
  it('multiplies the input atoms by weightAtoms^(fan-in · fan-out) per layer', () => {
    expect(enumerationCost(4, [2, 3, 1], 2)).toBe(4 * 2 ** 6 * 2 ** 3);
    expect(enumerationCost(5, [3], 7)).toBe(5);
    expect(enumerationCost(1, [1, 1, 1, 1], 3)).toBe(27);
  });
});
