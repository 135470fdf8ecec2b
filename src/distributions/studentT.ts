import type { ContinuousSymmetricDistribution } from './types.ts';
import { standardGamma, standardNormal } from './internal/random.ts';
import { logGamma } from './internal/logGamma.ts';
import { checkPositiveFinite } from './internal/validate.ts';

/** Options of {@link studentT}. */
export interface StudentTOptions {
  /** Degrees of freedom ν > 4 (so that the fourth moment is finite); required. */
  readonly nu: number;
  /** σ² > 0, default 1; the t_ν law is rescaled by s = √(σ²(ν−2)/ν). */
  readonly variance?: number;
}

/**
 * Student-t with ν > 4 degrees of freedom, rescaled to variance σ² (scale s² = σ²(ν−2)/ν).
 * E[x⁴] = 3s⁴ν²/((ν−2)(ν−4)), raw kurtosis E[x⁴]/σ⁴ = 3 + 6/(ν−4).
 * Half-line moments (Beta integral over (0, ∞)):
 * E[x^k 1{x>0}] = s^k ν^{k/2} Γ((k+1)/2) Γ((ν−k)/2) / (2√π Γ(ν/2)), i.e. s²ν/(2(ν−2)) for k = 2
 * and 3s⁴ν²/(2(ν−2)(ν−4)) for k = 4. Sampling: s·Z/√(V/ν) with Z normal (Box–Muller) and
 * V = 2·Gamma(ν/2) chi-square (Marsaglia–Tsang). Throws when ν ≤ 4, naming `nu`.
 *
 * @example studentT({ nu: 5 }).kurtosis // 9
 * @example studentT({ nu: 10, variance: 2 }).fourthMoment // 16  (= κσ⁴ = 4·4)
 */
export function studentT(options: StudentTOptions): ContinuousSymmetricDistribution {
  const nu = options?.nu;
  if (typeof nu !== 'number' || !Number.isFinite(nu) || !(nu > 4)) {
    throw new Error(`studentT: options.nu must be a finite number > 4 (finite fourth moment), got ${String(nu)}`);
  }
  const v = checkPositiveFinite('studentT', 'variance', options.variance ?? 1);
  const s2 = (v * (nu - 2)) / nu;
  const s = Math.sqrt(s2);
  const logNorm = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * Math.log(nu * Math.PI) - Math.log(s);
  return {
    name: `student-t(ν=${nu}, σ²=${v})`,
    variance: v,
    fourthMoment: (3 * s2 * s2 * nu * nu) / ((nu - 2) * (nu - 4)),
    kurtosis: 3 + 6 / (nu - 4),
    halfLineMoment: (k) =>
      k === 2 ? (s2 * nu) / (2 * (nu - 2)) : (3 * s2 * s2 * nu * nu) / (2 * (nu - 2) * (nu - 4)),
    density: (x) => {
      const z = x / s;
      return Math.exp(logNorm - ((nu + 1) / 2) * Math.log1p((z * z) / nu));
    },
    sample: (rng) => {
      const z = standardNormal(rng);
      const chi2 = 2 * standardGamma(rng, nu / 2);
      return (s * z) / Math.sqrt(chi2 / nu);
    },
  };
}
