import { batchSpread } from './internal/batchSpread.ts';
import type { Estimate } from './types.ts';

const API = 'createSignMomentAccumulator';

/** Summary of a {@link createSignMomentAccumulator}: the moments that vanish for a He random vector. */
export interface SignMomentSummary {
  readonly n: number;
  readonly width: number;
  /** E[y_i] (pooled over entries). */
  readonly mean: Estimate;
  /** E[y_i²]: the variance, the mean being 0. */
  readonly secondMoment: Estimate;
  /** E[y_i³]: 0 for a symmetric law. */
  readonly thirdMoment: Estimate;
  /** E[y_i y_j], i ≠ j (pooled over ordered pairs): 0 for uncorrelated zero-mean entries; null when w = 1. */
  readonly crossMoment: Estimate | null;
  /** E[y_i²] of each entry i separately: equal for a He random vector. */
  readonly perEntrySecondMoment: readonly Estimate[];
}

export interface SignMomentAccumulator {
  readonly width: number;
  readonly count: number;
  /** Adds draws stored row-major [draws × width]. */
  addDraws(data: ArrayLike<number>): SignMomentAccumulator;
  summary(): SignMomentSummary;
}

/**
 * Streaming float64 estimates, with batch-means standard errors (draw k → batch k mod B, as
 * `createLayerMomentAccumulator`), of the odd and cross moments Propositions 1 and 2 say vanish —
 * E[y_i], E[y_i³], E[y_i y_j] (i ≠ j) — and of E[y_i²], pooled and per entry. Every target is a
 * plain mean of a per-draw statistic, so a batch's estimate is its own mean.
 *
 * @example createSignMomentAccumulator({ width: 2 }).addDraws([1, -1, 3, 1]).summary().crossMoment.estimate // 1 = (−1 + 3)/2
 */
export function createSignMomentAccumulator(options: { readonly width: number; readonly batches?: number }): SignMomentAccumulator {
  const width = options.width;
  const batches = options.batches ?? 64;
  if (!Number.isInteger(width) || width < 1) throw new Error(`${API}: options.width must be an integer >= 1, got ${String(width)}`);
  if (!Number.isInteger(batches) || batches < 2) throw new Error(`${API}: options.batches must be an integer >= 2, got ${String(batches)}`);
  // Per-draw statistics: s1, s2, s3, s11, then s2 of each entry.
  const k = 4 + width;
  const batchSums = new Float64Array(batches * k);
  const batchCounts = new Float64Array(batches);
  const sums = new Float64Array(k);
  const squares = new Float64Array(k);
  let count = 0;
  const stat = new Float64Array(k);
  const acc: SignMomentAccumulator = {
    width,
    get count() {
      return count;
    },
    addDraws(data) {
      if (data.length % width !== 0) throw new Error(`${API}: addDraws data length ${data.length} is not a multiple of width ${width}`);
      for (let offset = 0; offset < data.length; offset += width) {
        let s1 = 0;
        let s2 = 0;
        let s3 = 0;
        for (let i = 0; i < width; i++) {
          const y = data[offset + i]!;
          s1 += y;
          s2 += y * y;
          s3 += y * y * y;
          stat[4 + i] = y * y;
        }
        stat[0] = s1 / width;
        stat[1] = s2 / width;
        stat[2] = s3 / width;
        stat[3] = width > 1 ? (s1 * s1 - s2) / (width * (width - 1)) : 0;
        const b = count % batches;
        batchCounts[b]! += 1;
        for (let j = 0; j < k; j++) {
          batchSums[b * k + j]! += stat[j]!;
          sums[j]! += stat[j]!;
          squares[j]! += stat[j]! * stat[j]!;
        }
        count += 1;
      }
      return acc;
    },
    summary() {
      const estimate = (j: number): Estimate => {
        if (count === 0) return { estimate: null, stderr: null, df: null, deltaStderr: null, batchSkewness: null };
        const mean = sums[j]! / count;
        const used: number[] = [];
        for (let b = 0; b < batches; b++) if (batchCounts[b]! > 0) used.push(batchSums[b * k + j]! / batchCounts[b]!);
        const spread = batchSpread(used);
        const variance = count > 1 ? (squares[j]! - count * mean * mean) / (count - 1) : Number.NaN;
        const iid = variance >= 0 ? Math.sqrt(variance / count) : Number.NaN;
        return { estimate: mean, stderr: spread.stderr, df: spread.df, deltaStderr: Number.isFinite(iid) ? iid : null, batchSkewness: spread.skewness };
      };
      return {
        n: count,
        width,
        mean: estimate(0),
        secondMoment: estimate(1),
        thirdMoment: estimate(2),
        crossMoment: width > 1 ? estimate(3) : null,
        perEntrySecondMoment: Array.from({ length: width }, (_, i) => estimate(4 + i)),
      };
    },
  };
  return acc;
}
