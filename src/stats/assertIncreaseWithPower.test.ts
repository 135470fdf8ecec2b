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

describe('assertIncreaseWithPower: the power formula Φ((D − c·s)/s) and its thresholds', () => {
  // t_{0.9875, 5} = 3.16338 (the (1 − α/2)-interval critical value at α = 0.05 with 5 df: each
  // interval misses with α/2, two-sided, so the quantile 1 − α/4 = 0.9875; t tables / SciPy t.ppf).
  const T5 = 3.16338;
  it('uses the larger of the two intervals’ critical values, each at falseAlarm/2', () => {
    // before has 5 df, after is normal (z_{0.9875} = 2.2414 < T5). With s = s_b + s_a = D/T5 the
    // argument of Φ is 0, so the power is 1/2 (the smaller critical value would give Φ(0.92) ≈ 0.82).
    const D = 1; // 10% of before = 10
    const s = D / T5;
    const r = assertIncreaseWithPower({ before: { estimate: 10, stderr: s / 2, df: 5 }, after: { estimate: 10.2, stderr: s / 2, df: Infinity }, falseAlarm: 0.05 });
    expect(r.power!).toBeCloseTo(0.5, 4);
    expect(r.minPower).toBe(0.8);
    const swapped = assertIncreaseWithPower({ before: { estimate: 10, stderr: s / 2, df: Infinity }, after: { estimate: 10.2, stderr: s / 2, df: 5 }, falseAlarm: 0.05 });
    expect(swapped.power!).toBeCloseTo(0.5, 4);
  });

  it('matches Φ((D − c·s)/s) computed independently (normal estimates, c = z_{0.9875})', () => {
    const c = 2.241402727604947; // z_{1 − 0.0125}
    const sb = 0.1;
    const sa = 0.15;
    const D = 0.2 * 5; // relativeIncrease 0.2 of |before| = 5
    const x = (D - c * (sb + sa)) / (sb + sa); // = 4 − c = 1.7585972723950531
    expect(x).toBeCloseTo(1.7585972723950531, 12);
    const phi = 0.9606770316958693; // Φ(x) = (1 + erf(x/√2))/2, erf from mathjs
    const r = assertIncreaseWithPower({ before: { estimate: -5, stderr: sb, df: Infinity }, after: { estimate: -2, stderr: sa, df: Infinity }, falseAlarm: 0.05, relativeIncrease: 0.2, minPower: 0.5 });
    expect(r.power!).toBeCloseTo(phi, 10);
    expect(r.decision).toBe('consistent'); // power ≈ 0.96 ≥ 0.5, intervals disjoint
  });

  it('out of reach for low power names the power, the bound, the increase and the original verdict', () => {
    const r = assertIncreaseWithPower({ before: { estimate: 3, stderr: 0.05, df: 63 }, after: { estimate: 5, stderr: 0.05, df: 63 }, falseAlarm: 1e-8 });
    expect(r.reason).toMatch(/^power \S+ < 0\.8 against an increase of 10% \(0\.300\): not decided \(increase shown: /);
    const rel = assertIncreaseWithPower({ before: { estimate: 3, stderr: 0.05, df: 63 }, after: { estimate: 5, stderr: 0.05, df: 63 }, falseAlarm: 1e-8, relativeIncrease: 0.25 });
    expect(rel.reason).toMatch(/against an increase of 25% \(0\.750\)/);
  });

  it('keeps the intervals’ own out-of-reach reason when the intervals overlap anyway', () => {
    const r = assertIncreaseWithPower({ before: { estimate: 3, stderr: 0.5, df: 63 }, after: { estimate: 3.1, stderr: 0.5, df: 63 }, falseAlarm: 1e-8 });
    expect(r.power!).toBeLessThan(0.8);
    expect(r.decision).toBe('out-of-reach');
    expect(r.reason).toBe('the intervals overlap: no ordering shown at this n');
  });

  it('power exactly equal to minPower is enough (two exact values: power 1, minPower 1)', () => {
    const r = assertIncreaseWithPower({ before: { estimate: 5, stderr: 0, df: null }, after: { estimate: 6, stderr: 0, df: null }, falseAlarm: 1e-8, minPower: 1 });
    expect(r.power).toBe(1);
    expect(r.decision).toBe('consistent');
  });

  it('power is null (and minPower still reported) when a stderr, the before estimate or a df is missing', () => {
    const good = { estimate: 3, stderr: 0.01, df: 63 };
    const cases = [
      [{ ...good, stderr: null }, good],
      [good, { ...good, estimate: 3.6, stderr: null }],
      [{ ...good, estimate: null }, { ...good, estimate: 3.6 }],
      [{ ...good, df: null }, { ...good, estimate: 3.6 }],
      [good, { ...good, estimate: 3.6, df: null }],
    ] as const;
    for (const [before, after] of cases) {
      const r = assertIncreaseWithPower({ before, after, falseAlarm: 1e-8 });
      expect(r).toMatchObject({ power: null, minPower: 0.8, decision: 'out-of-reach' });
      expect(r.reason).toMatch(/missing/);
    }
  });

  it('a missing estimate with stderr 0 is not taken for an exact value (its stderr is recorded as given)', () => {
    const r = assertIncreaseWithPower({ before: { estimate: null, stderr: 0, df: null }, after: { estimate: 3.6, stderr: 0.01, df: 63 }, falseAlarm: 1e-8 });
    expect(r.before.stderr).toBe(0);
    expect(r.power).toBeNull();
  });

  it('passes maxBatchSkewness through: a skewed estimate is out of reach even at full power', () => {
    const r = assertIncreaseWithPower({ before: { estimate: 5, stderr: 0, df: null }, after: { estimate: 9, stderr: 0.01, df: 63, batchSkewness: 2 }, falseAlarm: 1e-8, maxBatchSkewness: 1 });
    expect(r.power!).toBeGreaterThan(0.99);
    expect(r.decision).toBe('out-of-reach');
    expect(r.reason).toMatch(/^\|batch skewness\| above 1/);
  });
});
