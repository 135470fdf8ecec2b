import { describe, expect, it } from 'vitest';
import { fakeMeasurement as m } from './fixtures.ts';
import { peakFractions } from './peakFractions.ts';

describe('peakFractions', () => {
  it('divides every GFLOP/s measurement by the BLAS peaks measured in the same run', () => {
    const ms = [m('gemm.blas', [100], { workload: 'gemm', unit: 'GFLOP/s' }), m('gemm.blas-peak', [200], { workload: 'gemm', unit: 'GFLOP/s' }), m('fig2.first-layer', [50], { unit: 'GFLOP/s' }), m('fig2.single', [5])];
    expect(peakFractions(ms).map((p) => [p.id, p.fractionOfOneCore, p.fractionOfAllCores])).toEqual([['gemm.blas', 1, 0.5], ['fig2.first-layer', 0.5, 0.25]]);
  });
  it('without a system BLAS the tfjs GEMM is the reference', () => {
    const ms = [m('gemm', [30], { workload: 'gemm', unit: 'GFLOP/s' }), m('fig2.first-layer', [15], { unit: 'GFLOP/s' })];
    expect(peakFractions(ms).find((p) => p.id === 'fig2.first-layer')).toMatchObject({ peakOneCore: 30, peakAllCores: 30, fractionOfAllCores: 0.5 });
  });
});
