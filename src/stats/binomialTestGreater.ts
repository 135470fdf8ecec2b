import { binomialLowerTail, binomialUpperTail } from './internal/binomialTail.ts';
import { checkInteger, checkOpenProbability } from './internal/validate.ts';

function check(api: string, successes: number, n: number, p0: number): void {
  checkInteger(api, 'n', n, 1);
  checkInteger(api, 'successes', successes, 0);
  if (successes > n) throw new Error(`${api}: options.successes must be <= n (${n}), got ${successes}`);
  checkOpenProbability(api, 'p0', p0);
}

/**
 * Exact one-sided binomial test of H0: p ≤ p0 against H1: p > p0 from `successes` of `n`
 * independent trials: the p-value P(X ≥ successes | X ~ Binomial(n, p0)) (R's
 * `binom.test(k, n, p0, alternative = "greater")`). Exact, hence conservative: under H0 the
 * rejection rate at any level α is ≤ α.
 *
 * @example binomialTestGreater(9, 10, 0.5) // 0.0107421875  (= 11/1024)
 * @example binomialTestGreater(0, 10, 0.5) // 1
 * @throws Error on a non-integer or out-of-range count, or p0 outside (0, 1).
 */
export function binomialTestGreater(successes: number, n: number, p0: number): number {
  check('binomialTestGreater', successes, n, p0);
  return binomialUpperTail(successes, n, p0);
}

/**
 * Exact one-sided binomial test of H0: p ≥ p0 against H1: p < p0: the p-value
 * P(X ≤ successes | X ~ Binomial(n, p0)) (R's `binom.test(..., alternative = "less")`).
 *
 * @example binomialTestLess(1, 10, 0.5) // 0.0107421875
 */
export function binomialTestLess(successes: number, n: number, p0: number): number {
  check('binomialTestLess', successes, n, p0);
  return binomialLowerTail(successes, n, p0);
}
