import { describe, expect, it } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../distributions/normal.ts';
import { assertEstimateConsistent } from './assertEstimateConsistent.ts';
import { detectableShift, shiftedPower } from './internal/reference.ts';
import type { ConsistencyRecord } from './types.ts';

const SEED = 20261124;
const z = normal();

/** JSON round trip: a record must hold only plain data (no NaN, ±Infinity, undefined). */
function expectSerialisable(r: ConsistencyRecord): void {
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
}

describe('assertEstimateConsistent: documented example and record', () => {
  it('matches the TSDoc example (values from stdlib t quantile/cdf, df = 63)', () => {
    const r = assertEstimateConsistent({ estimate: 3.02, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01 });
    expect(r.statistic).toBeCloseTo(0.5, 12);
    expect(r.criticalValue).toBeCloseTo(2.6561450250998613, 10);
    expect(r.pValue).toBeCloseTo(0.6188170898804154, 10);
    expect(r.power).toBeCloseTo(0.8609083201859916, 10);
    expect(r.detectableRelativeDeviation).toBeCloseTo(0.04671345113119455, 10);
    expect(r.interval?.[0]).toBeCloseTo(3.02 - 2.6561450250998613 * 0.04, 12);
    expect(r.decision).toBe('consistent');
    expect(r).toMatchObject({ check: 'estimate-consistent', df: 63, reference: 'student-t', relativeDeviation: 0.05, minPower: 0.8 });
    expect(r.absoluteDeviation).toBeCloseTo(0.15, 14);
    expectSerialisable(r);
  });

  it('rejects when |t| > c, with a two-sided p-value below falseAlarm', () => {
    const r = assertEstimateConsistent({ estimate: 3.2, stderr: 0.04, df: Infinity, theory: 3, falseAlarm: 0.01 });
    expect(r.decision).toBe('rejected');
    expect(r.statistic).toBeCloseTo(5, 12);
    expect(r.pValue as number).toBeLessThan(0.01);
    expect(r).toMatchObject({ df: null, reference: 'normal' });
    expect(r.criticalValue).toBeCloseTo(2.5758293035489004, 12);
    expectSerialisable(r);
  });

  it('t exactly at ±c is consistent (the rule is |t| > c); a negative delta works the same', () => {
    const c = assertEstimateConsistent({ estimate: 3, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05 }).criticalValue as number;
    const at = assertEstimateConsistent({ estimate: 3 - c * 0.04 * (1 - 1e-12), stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05 });
    expect(at.decision).toBe('consistent');
    const past = assertEstimateConsistent({ estimate: 3 - c * 0.04 * (1 + 1e-9), stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05 });
    expect(past.decision).toBe('rejected');
    expect(past.delta as number).toBeLessThan(0);
  });

  it('theory = 0 needs an absolute deviation; then the relative fields are null', () => {
    const r = assertEstimateConsistent({ estimate: 0.01, stderr: 0.01, df: 63, theory: 0, falseAlarm: 0.05, absoluteDeviation: 0.05 });
    expect(r.relativeDeviation).toBeNull();
    expect(r.detectableRelativeDeviation).toBeNull();
    expect(r.absoluteDeviation).toBe(0.05);
    expect(r.detectableAbsoluteDeviation).toBeCloseTo(detectableShift(0.05, 0.8, 63) * 0.01, 14);
    expect(r.decision).toBe('consistent');
    expectSerialisable(r);
    expect(() => assertEstimateConsistent({ estimate: 0, stderr: 0.01, df: 63, theory: 0, falseAlarm: 0.05 })).toThrow(
      'assertEstimateConsistent: options.relativeDeviation is meaningless for theory = 0; give options.absoluteDeviation',
    );
  });

  it('rejects invalid design options, naming the field', () => {
    const base = { estimate: 3, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05 };
    expect(() => assertEstimateConsistent({ ...base, theory: Number.NaN })).toThrow('assertEstimateConsistent: options.theory must be a finite number, got NaN');
    expect(() => assertEstimateConsistent({ ...base, falseAlarm: 0 })).toThrow('assertEstimateConsistent: options.falseAlarm must be a number in (0, 1), got 0');
    expect(() => assertEstimateConsistent({ ...base, falseAlarm: 1 })).toThrow('options.falseAlarm');
    expect(() => assertEstimateConsistent({ ...base, minPower: 1 })).toThrow('options.minPower');
    expect(() => assertEstimateConsistent({ ...base, relativeDeviation: 0 })).toThrow('options.relativeDeviation must be a finite number > 0');
    expect(() => assertEstimateConsistent({ ...base, absoluteDeviation: -1 })).toThrow('options.absoluteDeviation must be a finite number > 0');
    expect(() => assertEstimateConsistent({ ...base, relativeDeviation: 0.05, absoluteDeviation: 0.1 })).toThrow('are exclusive');
    expect(() => assertEstimateConsistent({ ...base, reach: { maxBatchSkewness: 0 } })).toThrow('options.reach.maxBatchSkewness');
    expect(() => assertEstimateConsistent({ ...base, reach: { maxBatchSkewness: 1 } })).toThrow('options.batchSkewness is required');
  });
});

describe('assertEstimateConsistent: out-of-reach rule (decided before the statistic is looked at)', () => {
  const base = { stderr: 0.2, df: 63, theory: 3, falseAlarm: 0.05 }; // D/stderr = 0.75: power ≈ 0.12

  it('an underpowered check is out of reach whether its |t| is small or huge', () => {
    for (const estimate of [3, 3.1, 10, -10]) {
      const r = assertEstimateConsistent({ ...base, estimate });
      expect(r.decision, `estimate ${estimate}`).toBe('out-of-reach');
      expect(r.reason).toMatch(/^power 0\.1\d* < minPower 0\.8/);
      expect(r.power as number).toBeLessThan(0.8);
      expectSerialisable(r);
    }
    // The same stderr with a looser requirement or a larger deviation is in reach.
    expect(assertEstimateConsistent({ ...base, estimate: 3, relativeDeviation: 0.5 }).decision).toBe('consistent');
    expect(assertEstimateConsistent({ ...base, estimate: 3, minPower: 0.1 }).decision).toBe('consistent');
  });

  it('unusable data (estimate, stderr, df) is out of reach with a null p-value, never a throw', () => {
    const ok = { estimate: 3, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05 };
    for (const bad of [{ stderr: null }, { stderr: 0 }, { stderr: Number.NaN }, { stderr: Infinity }, { df: null }, { df: 0 }, { estimate: null }, { estimate: Number.NaN }]) {
      const r = assertEstimateConsistent({ ...ok, ...bad });
      expect(r.decision, JSON.stringify(bad)).toBe('out-of-reach');
      expect(r.pValue).toBeNull();
      expect(r.interval).toBeNull();
      expectSerialisable(r);
    }
  });

  it('|batch skewness| above the bound (either sign), or unavailable, is out of reach', () => {
    const ok = { estimate: 3, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05, reach: { maxBatchSkewness: 1.5 } };
    expect(assertEstimateConsistent({ ...ok, batchSkewness: 1.2 }).decision).toBe('consistent');
    expect(assertEstimateConsistent({ ...ok, estimate: 4, batchSkewness: -1.2 }).decision).toBe('rejected');
    for (const s of [2, -2, null]) {
      const r = assertEstimateConsistent({ ...ok, batchSkewness: s });
      expect(r.decision, `skewness ${s}`).toBe('out-of-reach');
      expect(r.maxBatchSkewness).toBe(1.5);
      expectSerialisable(r);
    }
  });

  it('power test of the rule: 500 underpowered synthetic runs (true = theory) are never reported consistent', () => {
    const rng = xoroshiro128plus(SEED);
    for (let k = 0; k < 500; k++) {
      const r = assertEstimateConsistent({ ...base, estimate: 3 + 0.2 * z.sample(rng) });
      expect(r.decision, `seed ${SEED}, run ${k}`).toBe('out-of-reach');
    }
  });
});

describe('assertEstimateConsistent: validity and power of the test itself', () => {
  // Acceptance regions for R rejections out of N = 2000 runs: R in the set where the two-sided
  // 99.9% Clopper–Pearson interval contains the true rate p (scipy.stats.beta.ppf), i.e.
  //   p = 0.05: R ∈ [69, 133], P(R ∉ · | p) = 8.3e-4 (scipy.stats.binom);
  //   p = 0.80: R ∈ [1540, 1658], P(R ∉ · | p) = 8.7e-4.
  // So each test below fails falsely with probability < 1e-3 for a correct implementation (the
  // seed is fixed, so in CI it either always passes or always fails; the bound is what a vary-seed
  // run would see). A rejection rate 0.065 (or power 0.77) would be outside with probability ≈ 0.5.
  const N = 2000;

  it('(a) validity, known stderr: rejection rate at falseAlarm 0.05 is consistent with 0.05', () => {
    const rng = xoroshiro128plus(SEED);
    let rejected = 0;
    for (let k = 0; k < N; k++) {
      const r = assertEstimateConsistent({ estimate: 3 + 0.04 * z.sample(rng), stderr: 0.04, df: Infinity, theory: 3, falseAlarm: 0.05 });
      expect(r.decision).not.toBe('out-of-reach'); // power 0.96 against 5%
      if (r.decision === 'rejected') rejected++;
    }
    expect(rejected, `seed ${SEED}: ${rejected}/${N} rejections`).toBeGreaterThanOrEqual(69);
    expect(rejected, `seed ${SEED}: ${rejected}/${N} rejections`).toBeLessThanOrEqual(133);
  });

  it('(a′) validity, estimated stderr: 64 normal batch means, t with 63 df', () => {
    const rng = xoroshiro128plus(SEED + 1);
    let rejected = 0;
    const xs = new Float64Array(64);
    for (let k = 0; k < N; k++) {
      let mean = 0;
      for (let b = 0; b < 64; b++) mean += (xs[b] = 3 + 0.24 * z.sample(rng)); // stderr ≈ 0.03: power ≈ 1
      mean /= 64;
      let ss = 0;
      for (let b = 0; b < 64; b++) ss += (xs[b] - mean) ** 2;
      const r = assertEstimateConsistent({ estimate: mean, stderr: Math.sqrt(ss / 63) / 8, df: 63, theory: 3, falseAlarm: 0.05 });
      expect(r.decision, `seed ${SEED + 1}, run ${k}`).not.toBe('out-of-reach');
      if (r.decision === 'rejected') rejected++;
    }
    expect(rejected, `seed ${SEED + 1}: ${rejected}/${N} rejections`).toBeGreaterThanOrEqual(69);
    expect(rejected, `seed ${SEED + 1}: ${rejected}/${N} rejections`).toBeLessThanOrEqual(133);
  });

  it('(b) power, known stderr: true = 1.05·theory at stated power 0.8 is rejected at a rate consistent with 0.8', () => {
    const stderr = 0.15 / detectableShift(0.05, 0.8, Infinity); // D = 0.05·3
    const rng = xoroshiro128plus(SEED + 2);
    let rejected = 0;
    for (let k = 0; k < N; k++) {
      const r = assertEstimateConsistent({ estimate: 3.15 + stderr * z.sample(rng), stderr, df: Infinity, theory: 3, falseAlarm: 0.05, minPower: 0.5 });
      expect(Math.abs((r.power as number) - 0.8)).toBeLessThan(1e-12);
      if (r.decision === 'rejected') rejected++;
    }
    expect(rejected, `seed ${SEED + 2}: ${rejected}/${N} rejections, stated power 0.8`).toBeGreaterThanOrEqual(1540);
    expect(rejected, `seed ${SEED + 2}: ${rejected}/${N} rejections, stated power 0.8`).toBeLessThanOrEqual(1658);
  });

  it('(b′) power, estimated stderr (63 df): empirical rate consistent with the power at the true stderr', () => {
    // True stderr chosen so the shifted-t power at df = 63 is 0.8; the exact noncentral-t power
    // differs by 1e-4 there (internal/reference.ts), far inside the binomial region.
    const se = 0.15 / detectableShift(0.05, 0.8, 63);
    expect(Math.abs(shiftedPower(0.15 / se, 0.05, 63) - 0.8)).toBeLessThan(1e-12);
    const rng = xoroshiro128plus(SEED + 3);
    let rejected = 0;
    const xs = new Float64Array(64);
    for (let k = 0; k < N; k++) {
      let mean = 0;
      for (let b = 0; b < 64; b++) mean += (xs[b] = 3.15 + 8 * se * z.sample(rng));
      mean /= 64;
      let ss = 0;
      for (let b = 0; b < 64; b++) ss += (xs[b] - mean) ** 2;
      const r = assertEstimateConsistent({ estimate: mean, stderr: Math.sqrt(ss / 63) / 8, df: 63, theory: 3, falseAlarm: 0.05, minPower: 0.01 });
      if (r.decision === 'rejected') rejected++;
    }
    expect(rejected, `seed ${SEED + 3}: ${rejected}/${N}`).toBeGreaterThanOrEqual(1540);
    expect(rejected, `seed ${SEED + 3}: ${rejected}/${N}`).toBeLessThanOrEqual(1658);
  });
});

describe('assertEstimateConsistent: reasons, boundaries and null fields', () => {
  const ok = { estimate: 3, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.05 };

  it('each unusable datum is named in the reason with the value it got; several are joined by "; "', () => {
    expect(assertEstimateConsistent({ ...ok, estimate: Number.NaN }).reason).toBe('estimate is not a finite number (got NaN)');
    expect(assertEstimateConsistent({ ...ok, stderr: 0 }).reason).toBe('stderr is not a finite number > 0 (got 0)');
    expect(assertEstimateConsistent({ ...ok, df: -1 }).reason).toBe('df is not a number > 0 (got -1)');
    expect(assertEstimateConsistent({ ...ok, stderr: null, df: null }).reason).toBe(
      'stderr is not a finite number > 0 (got null); df is not a number > 0 (got null)',
    );
  });

  it('a df that is not a number (e.g. a string from JSON) is unusable, not coerced', () => {
    const r = assertEstimateConsistent({ ...ok, df: '63' as unknown as number });
    expect(r.decision).toBe('out-of-reach');
    expect(r.reason).toBe('df is not a number > 0 (got 63)');
    expect(r.df).toBeNull();
    expect(r.reference).toBeNull();
  });

  it('without a usable stderr or df there is no power, no detectable deviation and no reference law', () => {
    for (const bad of [{ stderr: null }, { df: null }]) {
      const r = assertEstimateConsistent({ ...ok, ...bad });
      expect(r.power, JSON.stringify(bad)).toBeNull();
      expect(r.detectableAbsoluteDeviation).toBeNull();
      expect(r.detectableRelativeDeviation).toBeNull();
      expectSerialisable(r);
    }
    expect(assertEstimateConsistent({ ...ok, df: null }).reference).toBeNull();
    expect(assertEstimateConsistent({ ...ok, df: null }).criticalValue).toBeNull();
  });

  it('the underpowered reason states the detectable deviation at minPower', () => {
    // stderr 0.2, df 63: detects detectableShift(0.05, 0.8, 63)·0.2 at power 0.8.
    const r = assertEstimateConsistent({ ...ok, stderr: 0.2 });
    const detects = (detectableShift(0.05, 0.8, 63) * 0.2).toPrecision(3);
    expect(r.reason).toMatch(new RegExp(`^power 0\\.1\\d{2} < minPower 0\\.8 against a deviation of 0\\.150 \\(detects ${detects.replace('.', '\\.')} at that power\\)$`));
  });

  it('power exactly equal to minPower is in reach (the rule is power < minPower)', () => {
    const p = shiftedPower(2, 0.05, 63); // D/stderr = 0.25/0.125 = 2 exactly
    const r = assertEstimateConsistent({ ...ok, stderr: 0.125, absoluteDeviation: 0.25, minPower: p });
    expect(r.power).toBe(p);
    expect(r.decision).toBe('consistent');
  });

  it('|t| exactly equal to c is consistent, with both interval ends at estimate ± c·stderr', () => {
    const c = 1.959963984540054; // z_{0.975}
    const probe = assertEstimateConsistent({ estimate: 0, stderr: 1, df: Infinity, theory: 0, falseAlarm: 0.05, absoluteDeviation: 10 });
    expect(probe.criticalValue).toBeCloseTo(c, 12);
    const cc = probe.criticalValue as number;
    // theory 0, stderr 1: t = estimate exactly.
    const at = assertEstimateConsistent({ estimate: cc, stderr: 1, df: Infinity, theory: 0, falseAlarm: 0.05, absoluteDeviation: 10 });
    expect(at.statistic).toBe(cc);
    expect(at.decision).toBe('consistent');
    expect(at.reason).toBe(`|t| = ${cc.toPrecision(4)} ≤ ${cc.toPrecision(4)} with power 1.00 ≥ 0.8`);
    const r = assertEstimateConsistent({ estimate: 3.1, stderr: 0.04, df: Infinity, theory: 3, falseAlarm: 0.05 });
    expect(r.interval![0]).toBeCloseTo(3.1 - c * 0.04, 12);
    expect(r.interval![1]).toBeCloseTo(3.1 + c * 0.04, 12);
  });

  it('states |t|, c and the interval level in the verdict', () => {
    const rej = assertEstimateConsistent({ estimate: 3.2, stderr: 0.04, df: Infinity, theory: 3, falseAlarm: 0.01 });
    expect(rej.reason).toBe('|t| = 5.000 > 2.576: theory outside the 99% interval');
    const con = assertEstimateConsistent({ estimate: 3.02, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01 });
    expect(con.reason).toBe('|t| = 0.5000 ≤ 2.656 with power 0.861 ≥ 0.8');
  });

  it('batch skewness: at the bound is trusted; above it or missing is out of reach with a reason', () => {
    const sk = { ...ok, reach: { maxBatchSkewness: 1.5 } };
    expect(assertEstimateConsistent({ ...sk, batchSkewness: -1.5 }).decision).toBe('consistent');
    expect(assertEstimateConsistent({ ...sk, batchSkewness: 2 }).reason).toBe('|batch skewness| 2.00 > 1.5: batch estimates not normal enough for a t test');
    expect(assertEstimateConsistent({ ...sk, batchSkewness: null }).reason).toBe('batch skewness unavailable while reach.maxBatchSkewness is set');
  });
});
