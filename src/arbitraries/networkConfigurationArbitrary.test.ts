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

  it('rejects bad constraints naming the field', () => {
    expect(() => networkConfigurationArbitrary({ minWidth: 0 })).toThrow(/constraints.minWidth/);
    expect(() => networkConfigurationArbitrary({ minWidth: 5, maxWidth: 4 })).toThrow(/constraints.maxWidth/);
    expect(() => networkConfigurationArbitrary({ maxDepth: 0 })).toThrow(/constraints.maxDepth/);
    expect(() => networkConfigurationArbitrary({ weights: [] })).toThrow(/constraints.weights/);
  });
});
