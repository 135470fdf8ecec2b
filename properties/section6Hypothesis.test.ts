/**
 * Section 6's hypothesis: the operational definitions (trend counts, sign-test decision) have teeth,
 * and the configuration grid reaches every class the hypothesis speaks of.
 */
import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { RANDOM_INITIALISER_NAMES } from '../src/theory/initialiserVarianceFactor.ts';
import { driftConfigurations, HYPOTHESIS_GRID, hypothesisConfigurations, isotropicData, predictAsWritten, predictCorrected, trendCounts, trendDecision } from './section-6-hypothesis.prop.ts';

const q = (n: number, d = 1) => new Fraction(n, d);
/** s2[l][network] for `networks` networks whose S² is multiplied by `rate` per layer (rate(i) per network). */
function geometric(depth: number, networks: number, rate: (i: number) => number): Float64Array[] {
  return Array.from({ length: depth + 1 }, (_, l) => Float64Array.from({ length: networks }, (_, i) => rate(i) ** l));
}

describe('operational definitions: vanishes / explodes', () => {
  it('down and up per network, with S² = 0 counted as vanished and ties as neither', () => {
    const s2 = [Float64Array.of(1, 1, 1, 0, 2), Float64Array.of(1, 1, 1, 0, 2), Float64Array.of(0.5, 2, 1, 0, 2)];
    expect(trendCounts(s2, [1, 2])).toEqual({ down: 2, up: 1, networks: 5 }); // 0.5 < 1 and 0 = 0: down; 2 > 1: up; 1 = 1 and 2 = 2: neither
  });
  it('a decaying sequence is "vanishes" (consistent), the same sequence growing flips it to rejected; and the other way round', () => {
    const [l1, l2] = HYPOTHESIS_GRID.quick.depths;
    const decaying = trendCounts(geometric(l2, 300, () => 0.9), [l1, l2]);
    const growing = trendCounts(geometric(l2, 300, () => 1.1), [l1, l2]);
    expect(trendDecision(decaying, 'vanishes', 1e-8).decision).toBe('consistent');
    expect(trendDecision(growing, 'vanishes', 1e-8).decision).toBe('rejected');
    expect(trendDecision(growing, 'explodes', 1e-8).decision).toBe('consistent');
    expect(trendDecision(decaying, 'explodes', 1e-8).decision).toBe('rejected');
    // Constant S² (a norm-preserving network) is neither: every prediction is rejected (no network goes either way).
    const constant = trendCounts(geometric(l2, 300, () => 1), [l1, l2]);
    expect(trendDecision(constant, 'vanishes', 1e-8).decision).toBe('rejected');
    expect(trendDecision(constant, 'explodes', 1e-8).decision).toBe('rejected');
    // Half the networks each way: out of reach.
    const mixed = trendCounts(geometric(l2, 300, (i) => (i % 2 === 0 ? 0.9 : 1.1)), [l1, l2]);
    expect(trendDecision(mixed, 'vanishes', 1e-8).decision).toBe('out-of-reach');
  });
});

describe('the configuration grid', () => {
  it('reaches every initialiser, every kind of slope (< 0, 0, (0, 1), 1, > 1), widths ≥ 2 only, and both branches', () => {
    for (const tier of ['quick', 'full'] as const) {
      const configs = hypothesisConfigurations(tier);
      expect(new Set(configs.map((c) => c.initialiser))).toEqual(new Set(RANDOM_INITIALISER_NAMES));
      const kinds = new Set(configs.map((c) => (c.slope.compare(0) < 0 ? 'negative' : c.slope.equals(0) ? 'zero' : c.slope.compare(1) < 0 ? '(0,1)' : c.slope.equals(1) ? 'one' : 'above')));
      expect(kinds).toEqual(new Set(['negative', 'zero', '(0,1)', 'one', 'above']));
      expect(configs.every((c) => c.width >= 2)).toBe(true);
      const branches = configs.map(predictAsWritten);
      expect(branches.filter((b) => b === 'vanishes').length).toBeGreaterThan(0);
      expect(branches.filter((b) => b === 'explodes').length).toBeGreaterThan(0);
    }
  });
  it('the corrected rule differs from the written one exactly where the exact drift says so', () => {
    expect(predictAsWritten({ initialiser: 'gsm', slope: q(1, 5), width: 4 })).toBe('explodes');
    expect(predictCorrected({ initialiser: 'gsm', slope: q(1, 5), width: 4 })).toBe('vanishes');
    expect(predictCorrected({ initialiser: 'orthogonal', slope: q(1), width: 4 })).toBeNull();
    expect(predictCorrected({ initialiser: 'lecun-normal', slope: q(2), width: 4 })).toBe('explodes');
    expect(predictCorrected({ initialiser: 'he-normal', slope: q(0), width: 4 })).toBe('vanishes');
  });
  it('the exact-drift configurations: GSM at every grid slope but −1, and He-normal, Glorot, LeCun and orthogonal at a = 1 — nothing else', () => {
    const configs = driftConfigurations('quick');
    const keys = new Set(configs.map((c) => `${c.initialiser} ${c.slope.toFraction()}`));
    for (const a of ['-2', '-1/2', '0', '1/5', '1/2', '1', '2']) expect(keys.has(`gsm ${a}`)).toBe(true);
    expect(keys.has('gsm -1')).toBe(false);
    for (const n of ['he-normal', 'glorot-normal', 'lecun-normal', 'orthogonal']) expect(keys.has(`${n} 1`)).toBe(true);
    expect(configs.every((c) => c.initialiser === 'gsm' || c.slope.equals(1))).toBe(true);
    expect(configs.some((c) => c.initialiser === 'he-uniform' || c.initialiser === 'he-bernoulli')).toBe(false);
  });
  it('the isotropic data set {±e_j} has covariance 2/(2w − 1)·I', () => {
    const w = 3;
    const data = isotropicData(w);
    expect(data).toHaveLength(2 * w);
    for (let j = 0; j < w; j++) {
      for (let k = 0; k < w; k++) {
        const c = data.reduce((s, x) => s + x[j]! * x[k]!, 0) / (data.length - 1);
        expect(c).toBeCloseTo(j === k ? 2 / (2 * w - 1) : 0, 15);
      }
    }
  });
});
