/**
 * The names `distributionByName` accepts, for help texts. Its own module (no distribution code)
 * so that `vv --help` shows it without loading the distributions.
 *
 * @example DISTRIBUTION_NAMES.startsWith('normal, uniform') // true
 */
export const DISTRIBUTION_NAMES =
  'normal, uniform, rademacher (alias bernoulli), laplace, student-t:NU (NU > 4), three-point:K (kurtosis K >= 1)';
