import { describe, expect, it } from 'vitest';
import { auditFalseAlarmRate } from './auditFalseAlarmRate.ts';
import { binomialLowerTail, binomialUpperTail } from './internal/binomialTail.ts';
import reference from './fixtures/clopperPearson.json' with { type: 'json' };

/** stdlib's beta quantile and SciPy agree to ~1e-14; 1e-10 relative leaves room, far below any use. */
const REL = 1e-10;
const close = (a: number, b: number) => Math.abs(a - b) <= REL * Math.max(Math.abs(b), 1e-300);

describe('auditFalseAlarmRate', () => {
  it('0 of 100 at 95%: one-sided upper bound 1 − 0.05^{1/100} = 0.0295130…', () => {
    const a = auditFalseAlarmRate({ runs: 100, rejections: 0, stated: 0.05, confidence: 0.95 });
    expect(close(a.upperBound, 1 - 0.05 ** (1 / 100))).toBe(true);
    expect(a.lowerBound).toBe(0);
    expect(a.interval[0]).toBe(0);
    expect(close(a.interval[1], 1 - 0.025 ** (1 / 100))).toBe(true);
    expect(a.consistent).toBe(true);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it('5 of 100 at 95% two-sided: [0.016432, 0.112835] (R binom.test(5, 100): 0.01643188 0.11283491)', () => {
    const a = auditFalseAlarmRate({ runs: 100, rejections: 5, stated: 0.05, confidence: 0.95 });
    expect(a.interval[0]).toBeCloseTo(0.01643188, 8);
    expect(a.interval[1]).toBeCloseTo(0.11283491, 8);
  });

  it('matches the SciPy fixture (fixtures/clopperPearson.py) in every field', () => {
    for (const ref of reference) {
      const a = auditFalseAlarmRate({ runs: ref.runs, rejections: ref.rejections, stated: ref.stated, confidence: ref.confidence });
      const msg = JSON.stringify({ ref, got: a });
      expect(close(a.interval[0], ref.interval[0]), msg).toBe(true);
      expect(close(a.interval[1], ref.interval[1]), msg).toBe(true);
      expect(close(a.lowerBound, ref.lowerBound), msg).toBe(true);
      expect(close(a.upperBound, ref.upperBound), msg).toBe(true);
      expect(close(a.pValue, ref.pValue), msg).toBe(true);
      expect(a.consistent, msg).toBe(ref.lowerBound <= ref.stated);
    }
  });

  it('bounds solve their defining binomial equations (independent of the beta quantile)', () => {
    for (const [k, n, conf] of [[5, 100, 0.95], [17, 200, 0.99], [123, 2000, 0.999], [1, 10, 0.9]] as const) {
      const a = auditFalseAlarmRate({ runs: n, rejections: k, stated: 0.05, confidence: conf });
      const alpha = 1 - conf;
      // P(X ≥ k | lower) = α (one-sided), P(X ≤ k | upper) = α; two-sided with α/2.
      expect(Math.abs(binomialUpperTail(k, n, a.lowerBound) - alpha)).toBeLessThan(1e-9);
      expect(Math.abs(binomialLowerTail(k, n, a.upperBound) - alpha)).toBeLessThan(1e-9);
      expect(Math.abs(binomialUpperTail(k, n, a.interval[0]) - alpha / 2)).toBeLessThan(1e-9);
      expect(Math.abs(binomialLowerTail(k, n, a.interval[1]) - alpha / 2)).toBeLessThan(1e-9);
    }
  });

  it('flags only a rate significantly ABOVE the stated one (one-sided), equivalently p-value ≤ 1 − confidence', () => {
    const high = auditFalseAlarmRate({ runs: 2000, rejections: 140, stated: 0.05 }); // 7%
    expect(high.consistent).toBe(false);
    expect(high.pValue).toBeLessThanOrEqual(0.01);
    const low = auditFalseAlarmRate({ runs: 2000, rejections: 20, stated: 0.05 }); // 1%: conservative, not wrong
    expect(low.consistent).toBe(true);
    for (const k of [100, 115, 120, 125, 130]) {
      const a = auditFalseAlarmRate({ runs: 2000, rejections: k, stated: 0.05 });
      expect(a.consistent, `k = ${k}`).toBe(a.pValue > 0.01);
    }
    expect(auditFalseAlarmRate({ runs: 10, rejections: 10, stated: 0.5, confidence: 0.95 }).upperBound).toBe(1);
  });

  it('rejects bad options, naming the field', () => {
    expect(() => auditFalseAlarmRate({ runs: 0, rejections: 0, stated: 0.05 })).toThrow('auditFalseAlarmRate: options.runs must be an integer >= 1, got 0');
    expect(() => auditFalseAlarmRate({ runs: 10, rejections: 11, stated: 0.05 })).toThrow('auditFalseAlarmRate: options.rejections must be <= options.runs (10), got 11');
    expect(() => auditFalseAlarmRate({ runs: 10, rejections: -1, stated: 0.05 })).toThrow('options.rejections');
    expect(() => auditFalseAlarmRate({ runs: 10, rejections: 1, stated: 0 })).toThrow('auditFalseAlarmRate: options.stated');
    expect(() => auditFalseAlarmRate({ runs: 10, rejections: 1, stated: 0.05, confidence: 1 })).toThrow('options.confidence');
  });
});

describe('auditFalseAlarmRate: record fields and the consistency boundary', () => {
  it('records the check name and the observed rate k/N', () => {
    const a = auditFalseAlarmRate({ runs: 200, rejections: 7, stated: 0.05 });
    expect(a.check).toBe('false-alarm-rate');
    expect(a.observedRate).toBe(7 / 200);
    expect(a.confidence).toBe(0.99); // default
  });

  it('a stated rate exactly equal to the lower bound is consistent (the rule is lowerBound ≤ stated)', () => {
    const lb = auditFalseAlarmRate({ runs: 100, rejections: 20, stated: 0.05, confidence: 0.95 }).lowerBound;
    expect(auditFalseAlarmRate({ runs: 100, rejections: 20, stated: 0.05, confidence: 0.95 }).consistent).toBe(false);
    expect(auditFalseAlarmRate({ runs: 100, rejections: 20, stated: lb, confidence: 0.95 }).consistent).toBe(true);
  });
});
