import type { ContinuousSymmetricDistribution } from './types.ts';
import { uniformClosedOpen } from './internal/random.ts';
import { checkPositiveFinite } from './internal/validate.ts';

/** Options of {@link uniform}. */
export interface UniformOptions {
  /** σ² > 0, default 1; the support is [−a, a] with a = √(3σ²). */
  readonly variance?: number;
}

/**
 * Uniform on [−a, a] with a = √(3σ²). E[x²] = a²/3, E[x⁴] = a⁴/5 = 9σ⁴/5, raw kurtosis 9/5.
 * Half-line moments: ∫₀^a x^k/(2a) dx = a^k/(2(k+1)). Sampling: a·(2U − 1), U uniform on [0, 1).
 *
 * @example uniform({ variance: 3 }).fourthMoment // 16.2  (a = 3: 81/5)
 * @example uniform().kurtosis // 1.8
 */
export function uniform(options: UniformOptions = {}): ContinuousSymmetricDistribution {
  const v = checkPositiveFinite('uniform', 'variance', options.variance ?? 1);
  const a = Math.sqrt(3 * v);
  return {
    name: `uniform(σ²=${v})`,
    variance: v,
    fourthMoment: (9 * v * v) / 5,
    kurtosis: 9 / 5,
    halfLineMoment: (k) => Math.pow(a, k) / (2 * (k + 1)),
    density: (x) => (Math.abs(x) <= a ? 1 / (2 * a) : 0),
    support: a,
    sample: (rng) => a * (2 * uniformClosedOpen(rng) - 1),
  };
}
