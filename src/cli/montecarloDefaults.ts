/**
 * Default probability that any of `vv montecarlo`'s tests rejects a true recursion (the whole
 * run's false-alarm rate, split over its tests). Its own light module so that the CLI's help can
 * show it without loading the Monte Carlo command (and TensorFlow.js).
 *
 * @example MONTECARLO_FALSE_ALARM // 1e-6
 */
export const MONTECARLO_FALSE_ALARM = 1e-6;
