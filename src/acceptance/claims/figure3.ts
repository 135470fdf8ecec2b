import { welchTTest, type WelchTTestResult } from '../../stats/welchTTest.ts';
import type { ClaimEvidence, ClaimResult, TrainingRun } from './types.ts';
import { buildClaim, checkAlpha, fmt, levels, outcomeFromP, type Levels } from './internal/decide.ts';
import { accuracyOrChance } from './internal/runs.ts';

/** Non-inferiority margin of `zero-keeps-training`: ZerO at depth D may lose at most this much accuracy vs the baseline depth. */
export const ZERO_NONINFERIORITY_MARGIN = 0.05;
/** Depth from which ZerO must beat every random initialiser (`zero-beats-random-from-50`). */
export const BEAT_FROM_DEPTH = 50;
/** Default minimum depth of `random-fail-at-depth` per width. */
export const DEFAULT_FAIL_MIN_DEPTH: Readonly<Record<number, number>> = { 10: 10, 200: 100 };

export interface Figure3ClaimsInput {
  readonly runs: readonly TrainingRun[];
  /** The width of this call; runs of other widths are ignored (counted in statistics). */
  readonly width: number;
  readonly alpha?: number;
  /** Dmin of `random-fail-at-depth`; default DEFAULT_FAIL_MIN_DEPTH[width] (required for other widths). */
  readonly failMinDepth?: number;
  /** Depth from which ZerO must beat the random initialisers, default BEAT_FROM_DEPTH. */
  readonly beatFromDepth?: number;
  /** Baseline depth of `zero-keeps-training`, default the smallest ZerO depth (0 in the paper's grid). */
  readonly baselineDepth?: number;
  /** Chance accuracy, default 0.1; a diverged run counts as this accuracy. */
  readonly chance?: number;
}

interface Group {
  readonly acc: number[];
  diverged: number;
}

/**
 * Figure 3's claims for one width: `random-fail-at-depth`, `zero-keeps-training`,
 * `zero-beats-random-from-50`, all from one-sided Welch t tests on final test accuracy with a
 * diverged run counted as accuracy = chance. Init 'zero' is ZerO; every other init is random.
 *
 * @throws Error on a run whose status and accuracy disagree, or a width without a default Dmin and no failMinDepth.
 */
export function figure3Claims(input: Figure3ClaimsInput): ClaimResult[] {
  const alpha = checkAlpha(input.alpha ?? 0.05);
  const chance = input.chance ?? 0.1;
  const width = input.width;
  const failMin = input.failMinDepth ?? DEFAULT_FAIL_MIN_DEPTH[width];
  if (failMin === undefined) throw new Error(`figure3Claims: no default failMinDepth for width ${width}; pass options.failMinDepth`);
  const beatFrom = input.beatFromDepth ?? BEAT_FROM_DEPTH;
  const runs = input.runs.filter((r) => r.width === width);
  const groups = new Map<string, Map<number, Group>>();
  for (const r of runs) {
    let byDepth = groups.get(r.init);
    if (!byDepth) groups.set(r.init, (byDepth = new Map()));
    let g = byDepth.get(r.depth);
    if (!g) byDepth.set(r.depth, (g = { acc: [], diverged: 0 }));
    g.acc.push(accuracyOrChance(r, chance));
    if (r.status === 'diverged') g.diverged++;
  }
  const depths = [...new Set(runs.map((r) => r.depth))].sort((a, b) => a - b);
  const randomInits = [...groups.keys()].filter((i) => i !== 'zero').sort();
  const zero = groups.get('zero') ?? new Map<number, Group>();
  const scope = `width ${width}`;
  const summary = (inits: readonly string[], ds: readonly number[]): Record<string, number | null> => {
    const s: Record<string, number | null> = {};
    for (const i of inits)
      for (const d of ds) {
        const g = groups.get(i)?.get(d);
        if (!g) continue;
        s[`${i}@${d}.n`] = g.acc.length;
        s[`${i}@${d}.mean`] = g.acc.reduce((a, b) => a + b, 0) / g.acc.length;
        s[`${i}@${d}.min`] = Math.min(...g.acc);
        s[`${i}@${d}.max`] = Math.max(...g.acc);
        s[`${i}@${d}.diverged`] = g.diverged;
      }
    return s;
  };
  const base = { runs: runs.length, ignoredOtherWidths: input.runs.length - runs.length, divergedRuns: runs.filter((r) => r.status === 'diverged').length };

  /** ZerO above init I at depth D: one-sided Welch, 'for' p(I < ZerO) < α/2, 'against' p(I > ZerO) < α/(2m). */
  function zeroVsRandom(minDepth: number): { decisive: ClaimEvidence[]; lv: Levels } {
    const pairs: [string, number][] = [];
    for (const i of randomInits) for (const d of depths) if (d >= minDepth) pairs.push([i, d]);
    const lv = levels(alpha, pairs.length);
    const decisive = pairs.map(([i, d]): ClaimEvidence => {
      const a = groups.get(i)?.get(d)?.acc ?? [];
      const z = zero.get(d)?.acc ?? [];
      const label = `${i} < ZerO at depth ${d}`;
      if (a.length < 2 || z.length < 2) return { label, n: a.length + z.length, estimate: null, outcome: 'neither', note: `needs ≥ 2 runs per group (has ${i}: ${a.length}, ZerO: ${z.length})` };
      const less = welchTTest(a, z, 'less', { confidence: 1 - lv.forLevel });
      const greater = welchTTest(a, z, 'greater');
      return {
        label,
        n: a.length + z.length,
        estimate: less.difference,
        interval: [null, less.interval[1]],
        pValue: less.pValue,
        threshold: 0,
        outcome: outcomeFromP(less.pValue, greater.pValue, lv),
        note: `mean ${i} ${fmt(less.meanA)} vs ZerO ${fmt(less.meanB)}`,
      };
    });
    return { decisive, lv };
  }

  const welchMethod = `one-sided Welch t test on final test accuracy (a diverged run counts as accuracy = chance ${chance})`;

  function randomFail(): ClaimResult {
    const { decisive } = zeroVsRandom(failMin);
    const worst = decisive.filter((e) => e.pValue != null).sort((a, b) => (b.pValue ?? 0) - (a.pValue ?? 0))[0];
    return buildClaim({
      id: `fig3.w${width}.random-fail-at-depth`,
      figure: 'fig3',
      scope,
      statement: 'Every random initialiser fails to train at depth (accuracy below ZerO at the same depth).',
      method:
        `For each random initialiser I and each depth D ≥ ${failMin}: ${welchMethod} of mean acc(I, D) < mean acc(ZerO, D) at α/2; ` +
        `'against' if mean acc(I, D) > mean acc(ZerO, D) at α/(2m). Supported iff every (I, D) is 'for' (intersection–union); ` +
        `refuted if any is 'against'; a missing group (< 2 runs) makes it inconclusive.`,
      falseAlarm: alpha,
      decisive,
      statistics: { ...base, failMinDepth: failMin, randomInits: randomInits.join(','), largestPValue: worst?.pValue ?? null, ...summary([...randomInits, 'zero'], depths.filter((d) => d >= failMin)) },
      reason: decisive.length === 0 ? { inconclusive: `no random-initialiser runs at depth ≥ ${failMin}` } : {},
    });
  }

  function zeroBeats(): ClaimResult {
    const { decisive } = zeroVsRandom(beatFrom);
    return buildClaim({
      id: `fig3.w${width}.zero-beats-random-from-50`,
      figure: 'fig3',
      scope,
      statement: `ZerO beats each random initialiser at every depth ≥ ${beatFrom}.`,
      method:
        `For each random initialiser I and each depth D ≥ ${beatFrom}: ${welchMethod} of mean acc(ZerO, D) > mean acc(I, D) at α/2; ` +
        `'against' if ZerO is significantly worse at α/(2m). Supported iff every (I, D) is 'for' (intersection–union); refuted if any is 'against'.`,
      falseAlarm: alpha,
      decisive,
      statistics: { ...base, beatFromDepth: beatFrom, ...summary([...randomInits, 'zero'], depths.filter((d) => d >= beatFrom)) },
      reason: decisive.length === 0 ? { inconclusive: `no random-initialiser runs at depth ≥ ${beatFrom}` } : {},
    });
  }

  function zeroKeeps(): ClaimResult {
    const zDepths = [...zero.keys()].sort((a, b) => a - b);
    const baseline = input.baselineDepth ?? zDepths[0];
    const tested = zDepths.filter((d) => baseline !== undefined && d > baseline);
    const lv = levels(alpha, tested.length);
    const b = baseline === undefined ? [] : (zero.get(baseline)?.acc ?? []);
    const decisive = tested.map((d): ClaimEvidence => {
      const a = zero.get(d)!.acc;
      const label = `ZerO depth ${d} ≥ depth ${baseline} − ${ZERO_NONINFERIORITY_MARGIN}`;
      if (a.length < 2 || b.length < 2) return { label, n: a.length + b.length, estimate: null, outcome: 'neither', note: `needs ≥ 2 runs per group (has ${a.length} and ${b.length})` };
      const opts = { nullDifference: -ZERO_NONINFERIORITY_MARGIN };
      const g: WelchTTestResult = welchTTest(a, b, 'greater', { ...opts, confidence: 1 - lv.forLevel });
      const l: WelchTTestResult = welchTTest(a, b, 'less', { ...opts, confidence: 1 - lv.againstLevel });
      return {
        label,
        n: a.length + b.length,
        estimate: g.difference,
        interval: [g.interval[0], l.interval[1]],
        pValue: g.pValue,
        threshold: -ZERO_NONINFERIORITY_MARGIN,
        outcome: outcomeFromP(g.pValue, l.pValue, lv),
        note: `difference ${fmt(g.difference)}, lower bound ${fmt(g.interval[0])}, upper bound ${fmt(l.interval[1])}`,
      };
    });
    const noBase = baseline === undefined || b.length === 0;
    return buildClaim({
      id: `fig3.w${width}.zero-keeps-training`,
      figure: 'fig3',
      scope,
      statement: 'ZerO keeps training at depth.',
      method:
        `For each depth D > baseline (${baseline ?? 'smallest ZerO depth'}): Welch non-inferiority test of mean acc(ZerO, D) − mean acc(ZerO, baseline) ` +
        `against the margin −${ZERO_NONINFERIORITY_MARGIN} (diverged runs = chance ${chance}). 'for' when the one-sided lower confidence bound ` +
        `(1 − α/2) exceeds −${ZERO_NONINFERIORITY_MARGIN}; 'against' when the one-sided upper bound (1 − α/(2m)) is below it. ` +
        `Supported iff every depth is 'for' (intersection–union).`,
      falseAlarm: alpha,
      decisive: noBase ? [] : decisive,
      statistics: { ...base, baselineDepth: baseline ?? null, margin: ZERO_NONINFERIORITY_MARGIN, ...summary(['zero'], zDepths) },
      reason: noBase ? { inconclusive: `no ZerO runs at the baseline depth ${baseline ?? '(none)'}` } : tested.length === 0 ? { inconclusive: 'no ZerO depth above the baseline' } : {},
    });
  }

  return [randomFail(), zeroKeeps(), zeroBeats()];
}
