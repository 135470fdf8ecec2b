import { describe, expect, it } from 'vitest';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { criticalValue, detectableShift, referenceCdf, referenceQuantile, shiftedPower } from './reference.ts';
import { binomialLowerTail, binomialUpperTail } from './binomialTail.ts';

/** Relative tolerance of float checks on library special functions (~1e-15 accurate): 1e-12. */
const REL = 1e-12;

/**
 * Power of the two-sided t test against the EXACT noncentral t, T = (Z + δ)/√(V/df), V ~ χ²_df:
 * P(|T| > c) = E_u[Φ(δ − c·u) + Φ(−δ − c·u)] over u = √(V/df), by the midpoint rule on u ∈ (0, 3]
 * with 20 000 nodes (the density of u at df ≥ 15 is < 1e-30 beyond 3). Independent of the
 * shifted-t code it checks.
 */
function noncentralPower(delta: number, falseAlarm: number, df: number): number {
  const c = tQuantile(1 - falseAlarm / 2, df);
  const nodes = 20000;
  const h = 3 / nodes;
  // log density of u = √(V/df): f(u) = 2df·u·χ²_df(df·u²).
  const logGammaHalfDf = lgamma(df / 2);
  let s = 0;
  for (let i = 0; i < nodes; i++) {
    const u = (i + 0.5) * h;
    const v = df * u * u;
    const logF = (df / 2 - 1) * Math.log(v) - v / 2 - (df / 2) * Math.LN2 - logGammaHalfDf + Math.log(2 * df * u);
    s += Math.exp(logF) * (normalCdf(delta - c * u, 0, 1) + normalCdf(-delta - c * u, 0, 1));
  }
  return s * h;
}

/** Lanczos log Γ (g = 7, 9 terms; relative error < 1e-14 for x > 0.5). */
function lgamma(x: number): number {
  const p = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const y = x - 1;
  let a = p[0];
  for (let i = 1; i < 9; i++) a += p[i] / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

describe('reference law (t, or normal at df = ∞)', () => {
  it('df = ∞ is the standard normal (stdlib t-cdf alone returns 0.5 there)', () => {
    expect(referenceCdf(1.959963984540054, Infinity)).toBeCloseTo(0.975, 14);
    expect(referenceQuantile(0.975, Infinity)).toBeCloseTo(1.959963984540054, 12);
    expect(criticalValue(0.05, Infinity)).toBeCloseTo(1.959963984540054, 12);
  });

  it('t quantiles match tables (Student-t, two-sided 5%: df 1 → 12.7062, df 63 → 1.99834)', () => {
    expect(criticalValue(0.05, 1)).toBeCloseTo(12.706204736174704, 9);
    expect(criticalValue(0.05, 63)).toBeCloseTo(1.998340542520741, 9);
  });

  it('power at zero shift is the false-alarm probability; it increases with |shift|', () => {
    for (const df of [3, 63, Infinity]) {
      expect(Math.abs(shiftedPower(0, 0.05, df) - 0.05)).toBeLessThan(REL);
      expect(shiftedPower(-2, 0.05, df)).toBe(shiftedPower(2, 0.05, df));
      let prev = 0;
      for (const d of [0, 0.5, 1, 2, 4, 8]) {
        const p = shiftedPower(d, 0.05, df);
        expect(p).toBeGreaterThan(prev);
        prev = p;
      }
    }
  });

  it('detectableShift solves power(δ) = target; at df = ∞ it is ≈ z_{1−α/2} + z_{power}', () => {
    for (const [a, pw, df] of [[0.05, 0.8, Infinity], [0.01, 0.9, 63], [1e-4, 0.8, 15]] as const) {
      const d = detectableShift(a, pw, df);
      expect(Math.abs(shiftedPower(d, a, df) - pw)).toBeLessThan(1e-12);
    }
    // The far tail Φ(−c − δ) ≈ 1e-6 makes δ* a little below 1.959964 + 0.841621 = 2.801585.
    const d = detectableShift(0.05, 0.8, Infinity);
    expect(d).toBeLessThan(2.801585);
    expect(d).toBeGreaterThan(2.8015);
  });

  it('detectableShift is positive and solves power(δ) = target also for a large falseAlarm (c < 1, c below z_power)', () => {
    // falseAlarm 0.5: c = z_0.75 = 0.674; the bracket must start above 0 whatever c and z_power are.
    for (const [a, pw, df] of [[0.5, 0.6, Infinity], [0.5, 0.9, Infinity], [0.3, 0.99, 5], [0.9, 0.95, 63]] as const) {
      const d = detectableShift(a, pw, df);
      expect(d, `${a} ${pw} ${df}`).toBeGreaterThan(0);
      expect(Math.abs(shiftedPower(d, a, df) - pw), `${a} ${pw} ${df}`).toBeLessThan(1e-12);
    }
  });

  it('the shifted-t power is within the documented distance of the exact noncentral-t power', () => {
    // [falseAlarm, df, documented exact − shifted at power 0.8 (SciPy nct)]; allowed: |doc| + 0.001.
    const table = [
      [0.05, 15, -0.0001], [0.05, 63, 0.0001],
      [0.01, 15, -0.0094], [0.01, 30, -0.0042], [0.01, 63, -0.0019],
      [0.001, 15, -0.0254], [0.001, 63, -0.0052],
    ] as const;
    for (const [a, df, documented] of table) {
      const d = detectableShift(a, 0.8, df);
      const diff = noncentralPower(d, a, df) - 0.8;
      expect(Math.abs(diff - documented), `df=${df} α=${a}: exact − shifted = ${diff}`).toBeLessThan(0.001);
    }
    // Sanity of the quadrature itself: at δ = 0 it must give α.
    expect(Math.abs(noncentralPower(0, 0.05, 30) - 0.05)).toBeLessThan(1e-7);
  });
});

describe('binomial tails', () => {
  it('exact small cases: Binomial(10, 1/2)', () => {
    expect(binomialUpperTail(1, 10, 0.5)).toBeCloseTo(1 - 2 ** -10, 14);
    expect(binomialUpperTail(10, 10, 0.5)).toBeCloseTo(2 ** -10, 16);
    expect(binomialUpperTail(6, 10, 0.5)).toBeCloseTo(386 / 1024, 14); // C(10,6..10) = 210+120+45+10+1
    expect(binomialLowerTail(4, 10, 0.5)).toBeCloseTo(386 / 1024, 14);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
    expect(binomialUpperTail(11, 10, 0.3)).toBe(0);
  });

  it('upper(k) + lower(k − 1) = 1, and large n matches SciPy to 1e-12 relative', () => {
    for (const [k, n, p] of [[5, 100, 0.05], [123, 2000, 0.05], [50_100, 1_000_000, 0.05]] as const) {
      expect(Math.abs(binomialUpperTail(k, n, p) + binomialLowerTail(k - 1, n, p) - 1)).toBeLessThan(1e-12);
    }
    // scipy.stats.binom.sf(k − 1, n, p), SciPy 1.17.1.
    for (const [k, n, p, ref] of [[50_100, 1_000_000, 0.05, 0.3238060621050417], [123, 2000, 0.05, 0.012281650199717395],
      [17, 200, 0.05, 0.023799459747172708]] as const) {
      expect(Math.abs(binomialUpperTail(k, n, p) / ref - 1), `k=${k} n=${n}`).toBeLessThan(1e-12);
    }
  });
});
