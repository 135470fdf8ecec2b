import { spearmanCorrelation } from '../../stats/spearmanCorrelation.ts';
import { clopperPearsonInterval } from '../../stats/clopperPearsonInterval.ts';
import type { ClaimEvidence, ClaimResult, Figure1Run } from './types.ts';
import { buildClaim, checkAlpha, fmt, levels, outcomeFromP } from './internal/decide.ts';
import { accuracyOrChance } from './internal/runs.ts';

/** Kurtosis from which a network counts as having "very large" kurtosis. */
export const VERY_LARGE_KURTOSIS = 1e3;
/** Kurtosis below which a network is expected to train (descriptive comparison only). */
export const SMALL_KURTOSIS = 10;
/** A run is "near chance" when diverged or accuracy ≤ chance + NEAR_CHANCE_MARGIN. */
export const NEAR_CHANCE_MARGIN = 0.1;
/** Most very-large-kurtosis networks untrainable: proportion near chance > this. */
export const UNTRAINABLE_MAJORITY = 0.5;

export interface Figure1ClaimsInput {
  readonly runs: readonly Figure1Run[];
  readonly dataset: 'MNIST' | 'CIFAR-10';
  /** Per-claim false-alarm budget α, default 0.05. */
  readonly alpha?: number;
  /** Chance accuracy (10 classes), default 0.1; a diverged run counts as this accuracy. */
  readonly chance?: number;
}

/**
 * Figure 1's claims for one dataset: `accuracy-falls-with-kurtosis` (Spearman rank correlation
 * between kurtosis and accuracy) and `very-large-kurtosis-untrainable` (Clopper–Pearson on the
 * proportion near chance among runs with kurtosis ≥ VERY_LARGE_KURTOSIS). See each claim's
 * `method` for the exact rule. Runs with NaN kurtosis are left out (counted in statistics).
 *
 * @throws Error on a run whose status and accuracy disagree (ok with null accuracy, or the reverse).
 */
export function figure1Claims(input: Figure1ClaimsInput): ClaimResult[] {
  const alpha = checkAlpha(input.alpha ?? 0.05);
  const chance = input.chance ?? 0.1;
  const ds = input.dataset === 'MNIST' ? 'mnist' : 'cifar10';
  const all = input.runs;
  const runs = all.filter((r) => !Number.isNaN(r.kurtosis));
  const nanKurtosis = all.length - runs.length;
  const acc = runs.map((r) => accuracyOrChance(r, chance));
  const diverged = runs.filter((r) => r.status === 'diverged').length;
  return [fallsWithKurtosis(), untrainable()];

  function fallsWithKurtosis(): ClaimResult {
    const lv = levels(alpha, 1);
    const n = runs.length;
    const stats: Record<string, number | string | boolean | null> = { n, diverged, nanKurtosisExcluded: nanKurtosis };
    const decisive: ClaimEvidence[] = [];
    let reason: string | undefined;
    if (n >= 3) {
      const s = spearmanCorrelation(
        runs.map((r) => r.kurtosis),
        acc,
      );
      Object.assign(stats, { rho: s.rho, t: s.t, df: s.df, pValueLess: s.pValueLess, pValueGreater: s.pValueGreater, pValueTwoSided: s.pValue });
      const outcome = s.rho === null ? 'neither' : outcomeFromP(s.pValueLess, s.pValueGreater, lv);
      decisive.push({
        label: 'Spearman rho(kurtosis, accuracy) < 0',
        n,
        estimate: s.rho,
        pValue: s.pValueLess,
        threshold: 0,
        outcome,
        ...(s.rho === null ? { note: 'one variable is constant: rho undefined' } : {}),
      });
      const head = `rho = ${fmt(s.rho)} over ${n} runs (${diverged} diverged, ranked as accuracy ${chance})`;
      reason =
        outcome === 'for'
          ? `${head}; one-sided p(rho < 0) = ${fmt(s.pValueLess)} < α/2 = ${fmt(lv.forLevel)}`
          : outcome === 'against'
            ? `${head}; one-sided p(rho > 0) = ${fmt(s.pValueGreater)} < α/2 = ${fmt(lv.againstLevel)}: accuracy rises with kurtosis`
            : `${head}; neither one-sided p (less ${fmt(s.pValueLess)}, greater ${fmt(s.pValueGreater)}) is below α/2 = ${fmt(lv.forLevel)}: more runs or a wider kurtosis range needed`;
    } else {
      decisive.push({ label: 'Spearman rho(kurtosis, accuracy) < 0', n, estimate: null, outcome: 'neither', note: 'needs ≥ 3 runs' });
      reason = `only ${n} run(s); the rank correlation needs ≥ 3`;
    }
    return buildClaim({
      id: `fig1.${ds}.accuracy-falls-with-kurtosis`,
      figure: 'fig1',
      scope: input.dataset,
      statement: 'Test accuracy falls as the theoretical output kurtosis at initialisation grows.',
      method:
        `Spearman rank correlation between the theoretical output kurtosis (Prop. 3) and final test accuracy over all runs ` +
        `(average ranks for ties; Infinity ranks highest); a diverged run counts as accuracy = chance (${chance}). ` +
        `p-values from the t approximation t = rho·sqrt((n−2)/(1−rho²)), n−2 df. Supported if rho < 0 with one-sided ` +
        `p < α/2; refuted if rho > 0 with one-sided p < α/2; else inconclusive.`,
      falseAlarm: alpha,
      decisive,
      statistics: stats,
      reason: { supported: reason, refuted: reason, inconclusive: reason },
    });
  }

  function untrainable(): ClaimResult {
    const lv = levels(alpha, 1);
    const nearChance = (i: number): boolean => runs[i]!.status === 'diverged' || acc[i]! <= chance + NEAR_CHANCE_MARGIN;
    const large = runs.map((_, i) => i).filter((i) => runs[i]!.kurtosis >= VERY_LARGE_KURTOSIS);
    const small = runs.map((_, i) => i).filter((i) => runs[i]!.kurtosis < SMALL_KURTOSIS);
    const kLarge = large.filter(nearChance).length;
    const kSmall = small.filter(nearChance).length;
    const n = large.length;
    const need = Math.floor(Math.log(lv.forLevel) / Math.log(UNTRAINABLE_MAJORITY)) + 1; // (α/2)^{1/n} > 0.5
    const stats: Record<string, number | string | boolean | null> = {
      veryLargeKurtosisRuns: n,
      veryLargeNearChance: kLarge,
      veryLargeDiverged: large.filter((i) => runs[i]!.status === 'diverged').length,
      proportionNearChance: n > 0 ? kLarge / n : null,
      smallKurtosisRuns: small.length,
      smallNearChance: kSmall,
      smallProportionNearChance: small.length > 0 ? kSmall / small.length : null,
    };
    const decisive: ClaimEvidence[] = [];
    let reason: string;
    if (n === 0) {
      decisive.push({ label: `near chance among kurtosis ≥ ${VERY_LARGE_KURTOSIS}`, n: 0, estimate: null, threshold: UNTRAINABLE_MAJORITY, outcome: 'neither', note: 'no runs' });
      reason = `no runs with kurtosis ≥ ${VERY_LARGE_KURTOSIS}; needs ≥ ${need}`;
    } else {
      const cp = clopperPearsonInterval(kLarge, n, 1 - lv.forLevel);
      const outcome: ClaimEvidence['outcome'] = cp.lowerBound > UNTRAINABLE_MAJORITY ? 'for' : cp.upperBound < UNTRAINABLE_MAJORITY ? 'against' : 'neither';
      Object.assign(stats, { lowerBound: cp.lowerBound, upperBound: cp.upperBound });
      decisive.push({
        label: `near chance among kurtosis ≥ ${VERY_LARGE_KURTOSIS}`,
        n,
        estimate: kLarge / n,
        interval: [cp.lowerBound, cp.upperBound],
        threshold: UNTRAINABLE_MAJORITY,
        outcome,
        note: `Clopper–Pearson one-sided bounds at ${fmt(1 - lv.forLevel)} each`,
      });
      const head = `${kLarge}/${n} runs with kurtosis ≥ ${VERY_LARGE_KURTOSIS} near chance`;
      reason =
        outcome === 'for'
          ? `${head}; lower bound ${fmt(cp.lowerBound)} > ${UNTRAINABLE_MAJORITY}`
          : outcome === 'against'
            ? `${head}; upper bound ${fmt(cp.upperBound)} < ${UNTRAINABLE_MAJORITY}: most such networks train`
            : `${head}; bounds [${fmt(cp.lowerBound)}, ${fmt(cp.upperBound)}] contain ${UNTRAINABLE_MAJORITY}` +
              (n < need ? ` (needs ≥ ${need} runs even if all are near chance)` : '');
    }
    const descriptive: ClaimEvidence[] = [
      {
        label: `near chance among kurtosis < ${SMALL_KURTOSIS} (descriptive; should train)`,
        n: small.length,
        estimate: small.length > 0 ? kSmall / small.length : null,
        outcome: 'neither',
      },
    ];
    return buildClaim({
      id: `fig1.${ds}.very-large-kurtosis-untrainable`,
      figure: 'fig1',
      scope: input.dataset,
      statement: 'Networks with very large output kurtosis at initialisation cannot be trained (stay near chance).',
      method:
        `Among runs with kurtosis ≥ ${VERY_LARGE_KURTOSIS}, the proportion near chance (diverged, or accuracy ≤ chance + ` +
        `${NEAR_CHANCE_MARGIN} = ${chance + NEAR_CHANCE_MARGIN}). Supported if the one-sided Clopper–Pearson lower bound at ` +
        `confidence 1 − α/2 exceeds ${UNTRAINABLE_MAJORITY}; refuted if the one-sided upper bound at 1 − α/2 is below ` +
        `${UNTRAINABLE_MAJORITY}; else inconclusive. The same proportion for kurtosis < ${SMALL_KURTOSIS} is reported, not tested.`,
      falseAlarm: alpha,
      decisive,
      descriptive,
      statistics: stats,
      reason: { supported: reason, refuted: reason, inconclusive: reason },
    });
  }
}
