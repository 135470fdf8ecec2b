import { describe, expect, it } from 'vitest';
import { assertIncrease, type EstimateLike } from './assertIncrease.ts';

// z_{1 − 0.0125}: the (1 − falseAlarm/2) two-sided interval at falseAlarm 0.05 for a normal
// (df → ∞) estimate — computed here independently of the t quantile the code uses.
const Z_98_75 = 2.241402727604947;
const normal = (estimate: number, stderr: number, rest: Partial<EstimateLike> = {}): EstimateLike => ({ estimate, stderr, df: 1e9, ...rest });

describe('assertIncrease', () => {
  it('rejects a false-alarm rate outside (0, 1) with one line naming it', () => {
    for (const falseAlarm of [0, 1, -0.1, 1.5, Number.NaN]) {
      expect(() => assertIncrease({ before: normal(0, 1), after: normal(1, 1), falseAlarm })).toThrow(/^assertIncrease: options\.falseAlarm must be in \(0, 1\), got /);
    }
    expect(() => assertIncrease({ before: normal(0, 1), after: normal(1, 1), falseAlarm: 0.5 })).not.toThrow();
  });

  it('gives each estimate its (1 − falseAlarm/2) interval and records inputs, delta and the rate', () => {
    const r = assertIncrease({ before: normal(1, 0.1), after: normal(3, 0.2), falseAlarm: 0.05 });
    expect(r.check).toBe('estimate-increases');
    expect(r.falseAlarm).toBe(0.05);
    expect(r.delta).toBe(2);
    expect(r.before.estimate).toBe(1);
    expect(r.before.stderr).toBe(0.1);
    expect(r.after).toMatchObject({ estimate: 3, stderr: 0.2 });
    expect(r.before.interval![0]).toBeCloseTo(1 - Z_98_75 * 0.1, 6);
    expect(r.before.interval![1]).toBeCloseTo(1 + Z_98_75 * 0.1, 6);
    expect(r.after.interval![0]).toBeCloseTo(3 - Z_98_75 * 0.2, 6);
    expect(r.after.interval![1]).toBeCloseTo(3 + Z_98_75 * 0.2, 6);
    // Few degrees of freedom widen it (t, not z): df 5 at 0.05/2 two-sided is t_{0.9875, 5} = 3.1634.
    const t5 = assertIncrease({ before: { estimate: 0, stderr: 1, df: 5 }, after: normal(10, 1), falseAlarm: 0.05 });
    expect(t5.before.interval![1]).toBeCloseTo(3.16338, 4);
  });

  it('declares an increase only when after’s interval lies strictly above, a decrease strictly below', () => {
    expect(assertIncrease({ before: normal(0, 0.1), after: normal(1, 0.1), falseAlarm: 0.05 })).toMatchObject({ decision: 'consistent', reason: expect.stringMatching(/^increase shown/) });
    expect(assertIncrease({ before: normal(1, 0.1), after: normal(0, 0.1), falseAlarm: 0.05 })).toMatchObject({ decision: 'rejected', reason: expect.stringMatching(/^decrease shown/) });
    expect(assertIncrease({ before: normal(0, 0.1), after: normal(0.3, 0.1), falseAlarm: 0.05 })).toMatchObject({ decision: 'out-of-reach', reason: expect.stringMatching(/overlap/) });
    // Touching intervals (a₀ = b₁ exactly, and a₁ = b₀) show no ordering.
    const half = assertIncrease({ before: normal(0, 0.1), after: normal(0, 0.1), falseAlarm: 0.05 }).before.interval![1];
    expect(assertIncrease({ before: normal(0, 0.1), after: normal(2 * half, 0.1), falseAlarm: 0.05 }).decision).toBe('out-of-reach');
    expect(assertIncrease({ before: normal(2 * half, 0.1), after: normal(0, 0.1), falseAlarm: 0.05 }).decision).toBe('out-of-reach');
  });

  it('is out of reach, with a null interval on that side, when an estimate, stderr or df is missing or the stderr is 0', () => {
    const good = normal(0, 0.1);
    for (const bad of [normal(Number.NaN, 0.1, { estimate: null }), normal(5, 0.1, { stderr: null }), normal(5, 0.1, { df: null }), normal(5, 0)]) {
      for (const [before, after] of [[good, bad], [bad, good]] as const) {
        const r = assertIncrease({ before, after, falseAlarm: 0.05 });
        expect(r.decision).toBe('out-of-reach');
        expect(r.reason).toMatch(/missing/);
        expect(before === bad ? r.before.interval : r.after.interval).toBeNull();
        expect(before === bad ? r.after.interval : r.before.interval).not.toBeNull();
      }
    }
    expect(assertIncrease({ before: normal(1, 0.1, { estimate: null }), after: normal(2, 0.1), falseAlarm: 0.05 }).delta).toBeNull();
    expect(assertIncrease({ before: normal(1, 0.1), after: normal(2, 0.1, { estimate: null }), falseAlarm: 0.05 }).delta).toBeNull();
  });

  it('distrusts t intervals past maxBatchSkewness (either side, or unknown skewness), only when a bound is given', () => {
    const clear = (sb: number | null | undefined, sa: number | null | undefined, max?: number) =>
      assertIncrease({ before: normal(0, 0.1, { batchSkewness: sb }), after: normal(1, 0.1, { batchSkewness: sa }), falseAlarm: 0.05, ...(max === undefined ? {} : { maxBatchSkewness: max }) });
    expect(clear(0.5, -0.5, 1).decision).toBe('consistent');
    expect(clear(1, -1, 1).decision).toBe('consistent'); // at the bound: trusted
    for (const [sb, sa] of [[1.5, 0], [0, -1.5], [null, 0], [0, undefined]] as const) {
      const r = clear(sb, sa, 1);
      expect(r.decision).toBe('out-of-reach');
      expect(r.reason).toMatch(/^\|batch skewness\| above 1: t intervals not trusted$/);
    }
    expect(clear(100, null).decision).toBe('consistent'); // no bound: skewness ignored
    // A missing standard error is reported before skewness.
    const both = assertIncrease({ before: normal(0, 0.1, { stderr: null, batchSkewness: 9 }), after: normal(1, 0.1), falseAlarm: 0.05, maxBatchSkewness: 1 });
    expect(both.reason).toMatch(/missing/);
  });
});
