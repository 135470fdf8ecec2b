import { describe, expect, it } from 'vitest';
import { assertIncreaseWithPower } from './assertIncreaseWithPower.ts';

describe('assertIncreaseWithPower', () => {
  it('shows a clear increase, with its power against a 10% increase', () => {
    const r = assertIncreaseWithPower({ before: { estimate: 3, stderr: 0.01, df: 63 }, after: { estimate: 3.6, stderr: 0.01, df: 63 }, falseAlarm: 1e-8 });
    expect(r.decision).toBe('consistent');
    expect(r.power).toBeGreaterThan(0.99);
  });
  it('is out of reach, before looking, when the power against 10% is below 0.8 (even if the intervals happen to be disjoint)', () => {
    const r = assertIncreaseWithPower({ before: { estimate: 3, stderr: 0.05, df: 63 }, after: { estimate: 5, stderr: 0.05, df: 63 }, falseAlarm: 1e-8 });
    expect(r.power).toBeLessThan(0.8);
    expect(r.decision).toBe('out-of-reach');
  });
  it('compares an estimate with an exact value (stderr 0) in both directions', () => {
    const above = assertIncreaseWithPower({ before: { estimate: 5.695, stderr: 0, df: null }, after: { estimate: 6.4, stderr: 0.04, df: 63, batchSkewness: 0.2 }, falseAlarm: 1e-8, maxBatchSkewness: 1 });
    expect(above.decision).toBe('consistent');
    const below = assertIncreaseWithPower({ before: { estimate: 12, stderr: 0, df: null }, after: { estimate: 6.0, stderr: 0.1, df: 63, batchSkewness: 0.1 }, falseAlarm: 1e-8, maxBatchSkewness: 1 });
    expect(below.decision).toBe('rejected');
    const skewed = assertIncreaseWithPower({ before: { estimate: 5, stderr: 0, df: null }, after: { estimate: 9, stderr: 0.1, df: 63, batchSkewness: 2 }, falseAlarm: 1e-8, maxBatchSkewness: 1 });
    expect(skewed.decision).toBe('out-of-reach');
  });
});
