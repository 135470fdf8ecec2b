import type { ConsistencyDecision } from './types.ts';
import { binomialUpperTail } from './internal/binomialTail.ts';

/** The record of {@link signTrendTest}: plain data for JSON reports. */
export interface SignTrendRecord {
  readonly check: 'sign-trend';
  /** Independent trials (networks) with the predicted outcome, and their number. */
  readonly towards: number;
  readonly total: number;
  /** towards / total. */
  readonly estimate: number;
  /** p-values of H0: P(towards) ≤ 1/2 (against 'consistent') and of H0: P(towards) ≥ 1/2 (against 'rejected'). */
  readonly pTowards: number;
  readonly pAgainst: number;
  /** Probability of either wrong call: ≤ falseAlarm (each side at falseAlarm/2, exact binomial tails). */
  readonly falseAlarm: number;
  /** P(decision 'consistent') when the true P(towards) is `powerAt`. */
  readonly power: number;
  readonly powerAt: number;
  readonly decision: ConsistencyDecision;
  readonly reason: string;
}

/**
 * Exact two-sided sign test of a predicted direction from `total` independent trials, `towards`
 * of which went the predicted way: 'consistent' when P(towards) > 1/2 is shown (P(X ≥ towards |
 * Bin(total, 1/2)) ≤ falseAlarm/2), 'rejected' when P(towards) < 1/2 is shown (the same test on
 * total − towards), else 'out-of-reach'. Both wrong calls together have probability ≤ falseAlarm
 * (binomial tails are exact, hence conservative). `power` is the probability of 'consistent' when
 * the true probability is `powerAt`.
 *
 * @example signTrendTest({ towards: 180, total: 200, falseAlarm: 1e-6, powerAt: 0.8 }).decision // 'consistent'
 * @example signTrendTest({ towards: 0, total: 200, falseAlarm: 1e-6, powerAt: 0.8 }).decision // 'rejected'
 * @throws Error on counts that are not integers with 0 ≤ towards ≤ total, total ≥ 1, or falseAlarm, powerAt outside (0, 1).
 */
export function signTrendTest(options: { readonly towards: number; readonly total: number; readonly falseAlarm: number; readonly powerAt: number }): SignTrendRecord {
  const { towards, total, falseAlarm, powerAt } = options;
  if (!Number.isInteger(total) || total < 1) throw new Error(`signTrendTest: options.total must be an integer ≥ 1, got ${String(total)}`);
  if (!Number.isInteger(towards) || towards < 0 || towards > total) throw new Error(`signTrendTest: options.towards must be an integer in [0, ${total}], got ${String(towards)}`);
  if (!(falseAlarm > 0 && falseAlarm < 1)) throw new Error(`signTrendTest: options.falseAlarm must be in (0, 1), got ${String(falseAlarm)}`);
  if (!(powerAt > 0 && powerAt < 1)) throw new Error(`signTrendTest: options.powerAt must be in (0, 1), got ${String(powerAt)}`);
  const pTowards = binomialUpperTail(towards, total, 0.5);
  const pAgainst = binomialUpperTail(total - towards, total, 0.5);
  let critical = total + 1;
  for (let k = Math.ceil(total / 2); k <= total; k++) {
    if (binomialUpperTail(k, total, 0.5) <= falseAlarm / 2) {
      critical = k;
      break;
    }
  }
  const power = critical > total ? 0 : binomialUpperTail(critical, total, powerAt);
  const base = { check: 'sign-trend' as const, towards, total, estimate: towards / total, pTowards, pAgainst, falseAlarm, power, powerAt };
  if (pTowards <= falseAlarm / 2) return { ...base, decision: 'consistent', reason: `${towards} of ${total} went the predicted way: P > 1/2 shown (p = ${pTowards.toExponential(3)})` };
  if (pAgainst <= falseAlarm / 2) return { ...base, decision: 'rejected', reason: `only ${towards} of ${total} went the predicted way: P < 1/2 shown (p = ${pAgainst.toExponential(3)})` };
  return { ...base, decision: 'out-of-reach', reason: `${towards} of ${total}: neither direction shown at this n (p = ${pTowards.toExponential(3)}, ${pAgainst.toExponential(3)})` };
}
