import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributionByName } from '../distributions/byName.ts';
import { networkConfigurationArbitrary } from './networkConfigurationArbitrary.ts';

describe('networkConfigurationArbitrary', () => {
  it('stays within its constraints and names known distributions', () => {
    fc.assert(
      fc.property(networkConfigurationArbitrary({ minWidth: 3, maxWidth: 9, maxDepth: 4, maxAbsSlope: 0.3 }), (c) => {
        expect(c.widths.length).toBeGreaterThanOrEqual(2);
        expect(c.widths.length).toBeLessThanOrEqual(5);
        for (const w of c.widths) expect(w >= 3 && w <= 9).toBe(true);
        expect(Math.abs(c.slope)).toBeLessThanOrEqual(0.3);
        expect(() => distributionByName(c.weights)).not.toThrow();
      }),
      { seed: 301, numRuns: 300 },
    );
  });

  it('generates varying widths, ReLU and leaky slopes', () => {
    const cs = fc.sample(networkConfigurationArbitrary(), { seed: 302, numRuns: 300 });
    expect(cs.some((c) => new Set(c.widths).size > 1)).toBe(true);
    expect(cs.some((c) => c.slope === 0)).toBe(true);
    expect(cs.some((c) => c.slope !== 0)).toBe(true);
  });

  it('with wide slopes and a kurtosis range, reaches every class the hypotheses admit (counted)', () => {
    const arb = networkConfigurationArbitrary({ maxAbsSlope: 3, slopeConstants: [0, -1, 1], weightKurtosisRange: { min: 1, max: 12 } });
    const cs = fc.sample(arb, { seed: 303, numRuns: 600 });
    const kurtosis = (c: { weights: string }) => distributionByName(c.weights).kurtosis;
    const classes: Record<string, (c: (typeof cs)[number]) => boolean> = {
      'a < −1': (c) => c.slope < -1,
      'a = −1': (c) => c.slope === -1,
      '−1 < a < 1, a ≠ 0': (c) => c.slope > -1 && c.slope < 1 && c.slope !== 0,
      'a = 0': (c) => c.slope === 0,
      'a = 1': (c) => c.slope === 1,
      'a > 1': (c) => c.slope > 1,
      'κ_w = 1': (c) => Math.abs(kurtosis(c) - 1) < 1e-12,
      '1 < κ_w < 1.8': (c) => kurtosis(c) > 1 + 1e-12 && kurtosis(c) < 1.8 - 1e-12,
      '1.8 < κ_w < 3': (c) => kurtosis(c) > 1.8 + 1e-12 && kurtosis(c) < 3 - 1e-12,
      '3 < κ_w < 6': (c) => kurtosis(c) > 3 + 1e-12 && kurtosis(c) < 6 - 1e-12,
      'κ_w > 6': (c) => kurtosis(c) > 6 + 1e-12,
      'three-point law': (c) => c.weights.startsWith('three-point:'),
    };
    const counts = Object.fromEntries(Object.entries(classes).map(([name, f]) => [name, cs.filter(f).length]));
    for (const [name, n] of Object.entries(counts)) expect(n, `${name}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(6);
    for (const c of cs) expect(Math.abs(c.slope)).toBeLessThanOrEqual(3);
  });

  it('rejects bad constraints naming the field', () => {
    expect(() => networkConfigurationArbitrary({ slopeConstants: [] })).toThrow(/constraints.slopeConstants/);
    expect(() => networkConfigurationArbitrary({ weightKurtosisRange: { min: 0.5, max: 3 } })).toThrow(/constraints.weightKurtosisRange/);
    expect(() => networkConfigurationArbitrary({ minWidth: 0 })).toThrow(/constraints.minWidth/);
    expect(() => networkConfigurationArbitrary({ minWidth: 5, maxWidth: 4 })).toThrow(/constraints.maxWidth/);
    expect(() => networkConfigurationArbitrary({ maxDepth: 0 })).toThrow(/constraints.maxDepth/);
    expect(() => networkConfigurationArbitrary({ weights: [] })).toThrow(/constraints.weights/);
  });
});
