import { checkInteger, checkOpenProbability } from './internal/validate.ts';

/** Options of {@link bonferroni}. */
export interface BonferroniOptions {
  /** Family-wise false-alarm budget, in (0, 1). */
  readonly total: number;
  /** Number of checks sharing the budget, integer ≥ 1. */
  readonly tests: number;
}

/**
 * Per-check false-alarm probability total/tests: by the union bound, P(any of `tests` checks
 * fails | all null hypotheses true) ≤ tests·(total/tests) = total, whatever their dependence.
 *
 * @example bonferroni({ total: 0.01, tests: 4 }) // 0.0025
 */
export function bonferroni(options: BonferroniOptions): number {
  const total = checkOpenProbability('bonferroni', 'total', options?.total);
  const tests = checkInteger('bonferroni', 'tests', options?.tests, 1);
  return total / tests;
}
