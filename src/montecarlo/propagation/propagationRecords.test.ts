import { describe, expect, it } from 'vitest';
import type { ConsistencyRecord } from '../../stats/types.ts';
import type { LayerTests } from './propagationMonteCarlo.ts';
import { propagationRecords } from './propagationRecords.ts';

describe('propagationRecords', () => {
  const rec = (name: string) => ({ check: 'estimate-consistent', reason: name }) as unknown as ConsistencyRecord;
  const layers: LayerTests[] = [
    { layer: 0, width: 2, variance: rec('v0'), kappa: rec('k0'), c: rec('c0'), decision: 'consistent' },
    { layer: 1, width: 1, variance: rec('v1'), kappa: rec('k1'), c: null, decision: 'consistent' },
  ];
  const context = { inputs: 'widths 2,1; normal', samples: 1000, seed: 7 };
  it('one record per test in layer order, labelled with layer and quantity; no c record at width 1', () => {
    const r = propagationRecords(layers, context);
    expect(r.map((x) => x.quantity)).toEqual(['layer 0 variance σ²', 'layer 0 kurtosis κ_0', 'layer 0 c_0 = Cov[y_i², y_j²]', 'layer 1 variance σ²', 'layer 1 kurtosis κ_1']);
    expect(r.map((x) => x.assertion.reason)).toEqual(['v0', 'k0', 'c0', 'v1', 'k1']);
    expect(r.every((x) => x.inputs === context.inputs && x.samples === 1000 && x.seed === 7)).toBe(true);
  });
  it('`only` keeps the named quantities', () => {
    expect(propagationRecords(layers, { ...context, only: ['kappa'] }).map((x) => x.quantity)).toEqual(['layer 0 kurtosis κ_0', 'layer 1 kurtosis κ_1']);
    expect(propagationRecords(layers, { ...context, only: ['c'] }).map((x) => x.assertion.reason)).toEqual(['c0']);
  });
});
