/**
 * The whole-network generators of the exact checks added for issue 14 §3 reach every class they
 * are meant to (counted on a fixed sample): depth 3, non-i.i.d. (dependent) inputs, input width 3,
 * c_0 of both signs, σ² ≠ 1, w_0 = 4, two layers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryMoments } from '../src/exact/entryMoments.ts';
import { deepNetworkArb } from './proposition-1.prop.ts';
import { wideInputNetworkArb } from './proposition-3.prop.ts';

const covSquares = (d: Parameters<typeof entryMoments>[0]) => {
  const m = entryMoments(d);
  return m.crossSquares.length === 0 ? 0 : m.crossSquares[0]!.compare(m.second[0]!.pow(2));
};

describe('exact whole-network generators (issue 14 §3)', () => {
  it('proposition-1/corrected/deep-network-exact: depth 3, input width 3, dependent inputs', () => {
    const cs = fc.sample(deepNetworkArb, { seed: 141, numRuns: 200 });
    const counts = {
      depth3: cs.filter((c) => c.widths.length === 3).length,
      width3Input: cs.filter((c) => c.input.atoms[0]!.x.length === 3).length,
      dependentInput: cs.filter((c) => covSquares(c.input) !== 0).length,
    };
    for (const [name, n] of Object.entries(counts)) expect(n, `${name}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(10);
  });
  it('proposition-3/corrected/non-iid-wide-input-exact: c_0 < 0 and > 0, σ² ≠ 1, w_0 = 4, two layers', () => {
    const cs = fc.sample(wideInputNetworkArb, { seed: 142, numRuns: 100 });
    const counts = {
      negativeC0: cs.filter((c) => covSquares(c.input) < 0).length,
      positiveC0: cs.filter((c) => covSquares(c.input) > 0).length,
      varianceNotOne: cs.filter((c) => !entryMoments(c.input).second[0]!.equals(1)).length,
      width4Input: cs.filter((c) => c.v.length === 4).length,
      twoLayers: cs.filter((c) => c.widths.length === 2).length,
    };
    for (const [name, n] of Object.entries(counts)) expect(n, `${name}: ${JSON.stringify(counts)}`).toBeGreaterThanOrEqual(5);
  });
});
