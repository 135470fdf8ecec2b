import type { ContinuousSymmetricDistribution } from './types.ts';
import { randomSign, uniformOpenClosed } from './internal/random.ts';
import { checkPositiveFinite } from './internal/validate.ts';

/** Options of {@link laplace}. */
export interface LaplaceOptions {
  /** σ² > 0, default 1; the scale is b = √(σ²/2). */
  readonly variance?: number;
}

/**
 * Laplace with density e^{−|x|/b}/(2b), b = √(σ²/2). E[x²] = 2b², E[x⁴] = 24b⁴ = 6σ⁴,
 * raw kurtosis 6. Half-line moments: ∫₀^∞ x^k e^{−x/b}/(2b) dx = k!·b^k/2.
 * Sampling: random sign times b·(−ln U), U uniform on (0, 1].
 *
 * @example laplace({ variance: 2 }).fourthMoment // 24
 * @example laplace().kurtosis // 6
 */
export function laplace(options: LaplaceOptions = {}): ContinuousSymmetricDistribution {
  const v = checkPositiveFinite('laplace', 'variance', options.variance ?? 1);
  const b = Math.sqrt(v / 2);
  return {
    name: `laplace(σ²=${v})`,
    variance: v,
    fourthMoment: 6 * v * v,
    kurtosis: 6,
    halfLineMoment: (k) => (k === 2 ? (2 * b * b) / 2 : (24 * Math.pow(b, 4)) / 2),
    density: (x) => Math.exp(-Math.abs(x) / b) / (2 * b),
    sample: (rng) => {
      const s = randomSign(rng);
      return s * b * -Math.log(uniformOpenClosed(rng));
    },
  };
}
