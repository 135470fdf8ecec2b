import type { ContinuousSymmetricDistribution } from './types.ts';
import { standardNormal } from './internal/random.ts';
import { checkPositiveFinite } from './internal/validate.ts';

/** Options of {@link normal}. */
export interface NormalOptions {
  /** σ² > 0, default 1. */
  readonly variance?: number;
}

/**
 * Centred normal N(0, σ²). E[x⁴] = 3σ⁴, raw kurtosis E[x⁴]/σ⁴ = 3.
 * Half-line moments (direct Gaussian integrals over (0, ∞)): ∫₀^∞ x² φ_σ = σ²/2,
 * ∫₀^∞ x⁴ φ_σ = 3σ⁴/2. Sampling: Box–Muller on pure-rand uniforms (mutable rng idiom).
 *
 * @example normal({ variance: 2 }).fourthMoment // 12
 * @example normal().kurtosis // 3
 */
export function normal(options: NormalOptions = {}): ContinuousSymmetricDistribution {
  const v = checkPositiveFinite('normal', 'variance', options.variance ?? 1);
  const sd = Math.sqrt(v);
  return {
    name: `normal(σ²=${v})`,
    variance: v,
    fourthMoment: 3 * v * v,
    kurtosis: 3,
    halfLineMoment: (k) => (k === 2 ? v / 2 : (3 * v * v) / 2),
    density: (x) => Math.exp((-x * x) / (2 * v)) / Math.sqrt(2 * Math.PI * v),
    sample: (rng) => sd * standardNormal(rng),
  };
}
