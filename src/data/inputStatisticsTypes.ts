/**
 * The statistics of the first layer's output z = W x (the paper's "He random vector" fed to the
 * Proposition 3 recursion), over x uniform on a set of images and W with i.i.d. entries.
 * Conventions: σ² = Var[z_i] = E[z_i²]; κ0 = E[z_i⁴]/σ⁴ is RAW kurtosis (normal = 3);
 * c0 = Cov[z_i², z_j²] (i ≠ j) is RAW (units of σ⁴); c0Normalized = c0/σ⁴.
 */
export interface InputStatistics {
  /** Number of images averaged over. */
  readonly images: number;
  /** Fan-in d (values per image). */
  readonly fanIn: number;
  /** Variance v of each weight (He, slope 0: 2/d). */
  readonly weightVariance: number;
  /** Raw kurtosis κ_w of the weights. */
  readonly weightKurtosis: number;
  readonly sigma2: number;
  readonly kappa0: number;
  readonly c0: number;
  readonly c0Normalized: number;
  /**
   * Image moments behind them: E‖x‖^{2k} for k = 1..4 (index k−1), E Σx_j⁴, and the population
   * variance of ‖x‖² (two-pass, so c0 carries no cancellation error).
   */
  readonly moments: {
    readonly norm2: readonly [number, number, number, number];
    readonly sum4: number;
    readonly norm2Variance: number;
  };
}
