import { describe, expect, it } from 'vitest';
import { neumaierAdd, neumaierAddPair, neumaierValue } from './neumaier.ts';

/** The compensated sum of xs in a fresh pair at offset 2 of a 4-slot array (the others untouched). */
function sum(xs: readonly number[]): { value: number; a: Float64Array } {
  const a = new Float64Array([7, 7, 0, 0]);
  for (const x of xs) neumaierAdd(a, 2, x);
  return { value: neumaierValue(a, 2), a };
}

describe('Neumaier summation', () => {
  it('recovers what plain summation loses: 1 + 1e100 + 1 − 1e100 = 2 (plain float64: 0)', () => {
    // Each 1 added next to 1e100 is lost from the running sum and kept in the compensation.
    expect(1 + 1e100 + 1 - 1e100).toBe(0);
    const { value, a } = sum([1, 1e100, 1, -1e100]);
    expect(value).toBe(2);
    expect([a[0], a[1]]).toEqual([7, 7]);
  });
  it('both branches: a small running sum plus a large term (|s| < |x|), and a large sum plus a small term', () => {
    // 1 + 2⁵³ rounds to 2⁵³ (|s| < |x|: x − t + s keeps the 1); then 2⁵³ + 1 again (|s| ≥ |x|: s − t + x).
    const big = 2 ** 53;
    const { value, a } = sum([1, big, 1, -big]);
    expect(value).toBe(2);
    expect(a[2]).toBe(0); // the running sum ends at 0 …
    expect(a[3]).toBe(2); // … the compensation holds the 2
    expect(sum([3, big, -big]).value).toBe(3);
  });
  it('neumaierAddPair merges another pair exactly: (2⁵³, 1) + (−2⁵³, 1) = 2', () => {
    const big = 2 ** 53;
    const a = new Float64Array([big, 1]);
    neumaierAddPair(a, 0, -big, 1);
    expect(neumaierValue(a, 0)).toBe(2);
    expect([a[0], a[1]]).toEqual([0, 2]);
  });
});
