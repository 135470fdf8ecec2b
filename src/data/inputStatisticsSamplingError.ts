import type { InputStatistics } from './inputStatisticsTypes.ts';

/** Options of {@link inputStatisticsSamplingError}. */
export interface InputStatisticsSamplingErrorOptions {
  /** Number n of independent draws (W, x) of the estimate, integer ≥ 2 (the authors: 10⁷). */
  readonly samples: number;
}

/** Standard errors (delta method) of Monte Carlo estimates of the input statistics from n draws. */
export interface InputStatisticsSamplingError {
  readonly samples: number;
  readonly sigma2: number;
  readonly kappa0: number;
  readonly c0: number;
  readonly c0Normalized: number;
  /** The sampling model the errors assume (see the function's TSDoc). */
  readonly model: string;
}

/**
 * The standard error a Monte Carlo estimate of σ², κ0, c0, c0/σ⁴ from n independent draws would
 * have, computed from the data's own moments (no sampling).
 *
 * Model: each draw is a fresh (W, x) giving ONE pair (z_i, z_j) of outputs from two independent
 * rows; per draw u = (z_i² + z_j²)/2, q = (z_i⁴ + z_j⁴)/2, b = z_i² z_j²; estimates
 * σ̂² = ū, κ̂0 = q̄/ū², ĉ0 = b̄ − ū², ĉ0/σ̂⁴ = b̄/ū² − 1. Given x, z_i, z_j are i.i.d. N(0, s),
 * s = v‖x‖² — exact for normal weights (the authors' He-normal), an approximation for others
 * (the weights' 6th and 8th moments would enter). With S_k = E s^k = v^k E‖x‖^{2k}:
 *   E u = S1, E q = 3S2, E b = S2, E u² = 2S2, E q² = 57S4, E b² = 9S4,
 *   E uq = 9S3, E ub = 3S3, E qb = 15S4   (Gaussian moments 1, 3, 15, 105),
 * and SE = √(∇gᵀ Σ ∇g / n) with Σ the covariance of (u, q, b) and ∇g at the means. A run using
 * more entries per draw has a somewhat smaller error for κ0 (c0's is dominated by the spread of
 * ‖x‖² across images, which more entries do not reduce); one reusing W across images a larger one.
 *
 * @throws Error naming options.samples when it is not an integer ≥ 2.
 * @example inputStatisticsSamplingError(mnistStats, { samples: 1e7 }).kappa0 // 0.00159 (MNIST, authors' preprocessing, He-normal; c0/σ⁴: 0.00086)
 */
export function inputStatisticsSamplingError(stats: InputStatistics, options: InputStatisticsSamplingErrorOptions): InputStatisticsSamplingError {
  const n = options?.samples;
  if (!Number.isSafeInteger(n) || n < 2) throw new Error(`inputStatisticsSamplingError: options.samples must be an integer >= 2, got ${String(n)}`);
  const v = stats.weightVariance;
  const [e1, e2, e3, e4] = stats.moments.norm2;
  const S1 = v * e1;
  const S2 = v * v * e2;
  const S3 = v ** 3 * e3;
  const S4 = v ** 4 * e4;
  const mean = [S1, 3 * S2, S2];
  const second = [
    [2 * S2, 9 * S3, 3 * S3],
    [9 * S3, 57 * S4, 15 * S4],
    [3 * S3, 15 * S4, 9 * S4],
  ];
  const cov = second.map((row, i) => row.map((m, j) => m - mean[i]! * mean[j]!));
  const se = (g: readonly number[]) => {
    let s = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += g[i]! * cov[i]![j]! * g[j]!;
    return Math.sqrt(Math.max(s, 0) / n);
  };
  return {
    samples: n,
    sigma2: se([1, 0, 0]),
    kappa0: se([(-2 * 3 * S2) / S1 ** 3, 1 / S1 ** 2, 0]),
    c0: se([-2 * S1, 0, 1]),
    c0Normalized: se([(-2 * S2) / S1 ** 3, 0, 1 / S1 ** 2]),
    model: 'n independent (W, x) draws, one pair (z_i, z_j) each; z | x Gaussian (exact for normal weights)',
  };
}
