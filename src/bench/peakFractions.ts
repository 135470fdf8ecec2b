import type { Measurement } from './types.ts';

/** One GEMM-bound measurement as a fraction of the BLAS's own measured peak. */
export interface PeakFraction {
  readonly id: string;
  readonly side: Measurement['side'];
  readonly gflops: number;
  /** The BLAS peak on 1 thread and on every core (GFLOP/s; null where not measured). */
  readonly peakOneCore: number | null;
  readonly peakAllCores: number | null;
  readonly fractionOfOneCore: number | null;
  readonly fractionOfAllCores: number | null;
}

/**
 * Every GFLOP/s measurement (ours and PyTorch's) against the bench's own measured BLAS peak
 * (`gemm.blas` on one thread, `gemm.blas-peak` on every core; without a system BLAS, the tfjs
 * GEMM `gemm` stands in for both).
 *
 * @example peakFractions(ms)[0] // { id: 'fig2.first-layer', gflops: 95, peakOneCore: 110, peakAllCores: 205, fractionOfAllCores: 0.46, … }
 */
export function peakFractions(measurements: readonly Measurement[]): PeakFraction[] {
  const med = (id: string) => measurements.find((m) => m.id === id)?.summary.median ?? null;
  const one = med('gemm.blas') ?? med('gemm');
  const all = med('gemm.blas-peak') ?? one;
  return measurements
    .filter((m) => m.unit === 'GFLOP/s' && m.id !== 'gemm.blas-peak')
    .map((m) => ({
      id: m.id,
      side: m.side,
      gflops: m.summary.median,
      peakOneCore: one,
      peakAllCores: all,
      fractionOfOneCore: one === null ? null : m.summary.median / one,
      fractionOfAllCores: all === null ? null : m.summary.median / all,
    }));
}
