import type { ClaimEvidence, ClaimResult, Verdict } from '../types.ts';

/**
 * The one decision rule shared by every claim evaluator.
 *
 * A claim is a conjunction of m ≥ 1 sub-claims. Each sub-test reports
 *  - 'for'     when it rejects "this sub-claim is false" at level α/2,
 *  - 'against' when it rejects "this sub-claim is true" at level α/(2m) (Bonferroni),
 *  - 'neither' otherwise (including missing data).
 * Verdict: 'refuted' if any sub-test is 'against'; else 'supported' if every sub-test is 'for'
 * (intersection–union test: if the claim is false some sub-claim is false, and that sub-test says
 * 'for' with probability ≤ α/2, so P(supported | claim false) ≤ α/2 with no correction); else
 * 'inconclusive'. P(refuted | claim true) ≤ m·α/(2m) = α/2 by the union bound. A claim with no
 * sub-tests is inconclusive.
 */
export interface Levels {
  readonly alpha: number;
  /** α/2: level of each sub-test's 'for' decision. */
  readonly forLevel: number;
  /** α/(2m): level of each sub-test's 'against' decision. */
  readonly againstLevel: number;
  readonly subTests: number;
}

/** Checks α ∈ (0, 1) and returns the per-sub-test levels for m sub-tests. */
export function levels(alpha: number, subTests: number): Levels {
  checkAlpha(alpha);
  const m = Math.max(1, subTests);
  return { alpha, forLevel: alpha / 2, againstLevel: alpha / (2 * m), subTests: m };
}

export function checkAlpha(alpha: number): number {
  if (typeof alpha !== 'number' || !(alpha > 0 && alpha < 1)) throw new Error(`claims: alpha must be a number in (0, 1), got ${String(alpha)}`);
  return alpha;
}

/** Outcome from the two one-sided p-values (null: not available). */
export function outcomeFromP(pFor: number | null, pAgainst: number | null, lv: Levels): ClaimEvidence['outcome'] {
  if (pAgainst !== null && pAgainst < lv.againstLevel) return 'against';
  if (pFor !== null && pFor < lv.forLevel) return 'for';
  return 'neither';
}

/** The verdict of the rule above from the decisive sub-tests. */
export function decideVerdict(decisive: readonly ClaimEvidence[]): Verdict {
  if (decisive.some((e) => e.outcome === 'against')) return 'refuted';
  if (decisive.length > 0 && decisive.every((e) => e.outcome === 'for')) return 'supported';
  return 'inconclusive';
}

/** A JSON-safe number: null for NaN and ±Infinity. */
export function num(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}

/** Short numeric formatting for reasons. */
export function fmt(x: number | null | undefined, digits = 3): string {
  if (x === null || x === undefined) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) < 1e-3 || Math.abs(x) >= 1e5)) return x.toExponential(digits - 1);
  return Number(x.toPrecision(digits)).toString();
}

/** A sanitised copy of a statistics record (non-finite numbers → null). */
export function cleanStatistics(s: Record<string, number | string | boolean | null>): Record<string, number | string | boolean | null> {
  const out: Record<string, number | string | boolean | null> = {};
  for (const [k, v] of Object.entries(s)) out[k] = typeof v === 'number' ? num(v) : v;
  return out;
}

/** Summary line listing the sub-tests with a given outcome (at most `max` labels). */
export function listLabels(ev: readonly ClaimEvidence[], outcome: ClaimEvidence['outcome'], max = 3): string {
  const hits = ev.filter((e) => e.outcome === outcome);
  const shown = hits.slice(0, max).map((e) => (e.note ? `${e.label} (${e.note})` : e.label));
  return shown.join('; ') + (hits.length > max ? `; … ${hits.length - max} more` : '');
}

/**
 * Builds a ClaimResult with the shared rule: the verdict from `decisive`, the reason from
 * `reasons[verdict]` (or a generic one), evidence = decisive ∪ descriptive.
 */
export function buildClaim(spec: {
  readonly id: string;
  readonly figure: ClaimResult['figure'];
  readonly scope: string;
  readonly statement: string;
  readonly method: string;
  readonly falseAlarm: number;
  readonly decisive: readonly ClaimEvidence[];
  readonly descriptive?: readonly ClaimEvidence[];
  readonly statistics: Record<string, number | string | boolean | null>;
  readonly reason?: Partial<Record<Verdict, string>>;
  /** Overrides the rule (deterministic claims); default decideVerdict(decisive). */
  readonly verdict?: Verdict;
}): ClaimResult {
  const verdict = spec.verdict ?? decideVerdict(spec.decisive);
  const d = spec.decisive;
  const generic: Record<Verdict, string> = {
    supported: `all ${d.length} sub-test(s) reject the claim's negation at α/2 = ${fmt(spec.falseAlarm / 2)}`,
    refuted: `${d.filter((e) => e.outcome === 'against').length} of ${d.length} sub-test(s) significantly contradict the claim (Bonferroni, α/2 total): ${listLabels(d, 'against')}`,
    inconclusive:
      d.length === 0
        ? 'no sub-test could be run (no data)'
        : `${d.filter((e) => e.outcome === 'for').length} of ${d.length} sub-test(s) decisive for the claim, none against; undecided: ${listLabels(d, 'neither')}`,
  };
  const counts = {
    subTests: d.length,
    subTestsFor: d.filter((e) => e.outcome === 'for').length,
    subTestsAgainst: d.filter((e) => e.outcome === 'against').length,
  };
  return {
    id: spec.id,
    figure: spec.figure,
    scope: spec.scope,
    statement: spec.statement,
    method: spec.method,
    falseAlarm: spec.falseAlarm,
    verdict,
    reason: spec.reason?.[verdict] ?? generic[verdict],
    statistics: cleanStatistics({ ...counts, ...spec.statistics }),
    evidence: [...d, ...(spec.descriptive ?? [])].map((e) => ({
      ...e,
      estimate: num(e.estimate),
      ...(e.interval ? { interval: [num(e.interval[0]), num(e.interval[1])] as const } : {}),
      ...(e.pValue !== undefined ? { pValue: num(e.pValue) } : {}),
    })),
  };
}
