import type { Comparison, Measurement } from './types.ts';

/**
 * Pairs every measurement of ours with every torch measurement of the same key: ratio = our
 * median / their median, speedup = ratio for throughputs ('higher' better), 1/ratio for seconds.
 *
 * @example compare([ours('fig2', 20)], [theirs('fig2', 2)])[0].speedup // 10
 */
export function compare(ours: readonly Measurement[], theirs: readonly Measurement[]): Comparison[] {
  const out: Comparison[] = [];
  for (const o of ours) {
    if (o.side !== 'ours') continue;
    for (const t of theirs) {
      if (t.side === 'ours' || t.key !== o.key || t.unit !== o.unit) continue;
      const ratio = o.summary.median / t.summary.median;
      out.push({ key: o.key, ours: o.id, theirs: t.id, unit: o.unit, oursMedian: o.summary.median, theirsMedian: t.summary.median, ratio, speedup: o.better === 'higher' ? ratio : 1 / ratio });
    }
  }
  return out;
}
