/**
 * Results of the streaming layer-moment estimators. Plain data (JSON-ready): a value that does not
 * exist is `null`, never NaN or ±Infinity.
 */

/**
 * One estimated quantity with two standard errors. The fields spread directly into
 * `assertEstimateConsistent` of src/stats.
 */
export interface Estimate {
  /** Pooled estimate over all draws (null with no draws, or a zero second moment). */
  readonly estimate: number | null;
  /** Batch (jackknife) standard error sd(pseudo-values)/√B (null with fewer than 2 non-empty batches). */
  readonly stderr: number | null;
  /** Degrees of freedom B − 1 of the batch-means t reference (null when stderr is null). */
  readonly df: number | null;
  /** Delta-method standard error from the per-draw sums (diagnostic; null with fewer than 2 draws). */
  readonly deltaStderr: number | null;
  /** Adjusted sample skewness G₁ of the B batch pseudo-values (null with fewer than 3 batches or no spread). */
  readonly batchSkewness: number | null;
}

/** The summary of a {@link LayerMomentAccumulator}. */
export interface LayerMomentSummary {
  /** Number of draws n (network, input pairs). */
  readonly n: number;
  /** Width w of each output vector. */
  readonly width: number;
  /** Number of non-empty batches B used for the batch-means standard errors (min(n, configured B)). */
  readonly batches: number;
  /** Fewest draws in a non-empty batch (batches differ by at most one draw). */
  readonly minBatchDraws: number;
  /**
   * σ² estimated as the SECOND MOMENT m₂ = mean over draws and entries of y_i², not the centred
   * variance: the mean of y_i is 0 by the symmetry of the weights, so E[y_i²] is the variance, and
   * subtracting the sample mean would add noise and a bias of order 1/(nw) without changing the
   * target. The paper's κ and c are raw moments about 0 as well.
   */
  readonly variance: Estimate;
  /** Raw kurtosis κ = E[y_i⁴]/σ⁴ (normal = 3), estimated by m₄/m₂². */
  readonly kappa: Estimate;
  /** c = Cov[y_i², y_j²] (i ≠ j) = E[y_i² y_j²] − σ⁴, estimated by m₂₂ − m₂²; null when w = 1. */
  readonly c: Estimate | null;
  /** c/σ⁴ = E[y_i² y_j²]/σ⁴ − 1, estimated by m₂₂/m₂² − 1; null when w = 1. */
  readonly cNormalized: Estimate | null;
}

/**
 * The exact state of a {@link LayerMomentAccumulator}: plain arrays, so it can be posted from a
 * worker or written to disk and merged later. Every sum is a Neumaier pair [sum, compensation].
 */
export interface LayerMomentState {
  readonly width: number;
  readonly batches: number;
  /** Global index of this accumulator's first draw (draw k goes to batch k mod batches). */
  readonly firstDrawIndex: number;
  readonly count: number;
  /** Draws per batch, length `batches`. */
  readonly batchCounts: readonly number[];
  /** Per batch b, pairs for Σs₂, Σs₄, Σs₂₂ at [6b, 6b+1], [6b+2, 6b+3], [6b+4, 6b+5]. */
  readonly batchSums: readonly number[];
  /** Pairs for Σs₂, Σs₄, Σs₂₂, Σs₂², Σs₄², Σs₂₂², Σs₂s₄, Σs₂s₂₂, Σs₄s₂₂ (18 numbers). */
  readonly drawSums: readonly number[];
}

/**
 * A streaming accumulator of a layer's per-draw moments (see createLayerMomentAccumulator).
 * Mutable: `addDraw`, `addDraws` and `merge` update it in place and return it.
 */
export interface LayerMomentAccumulator {
  readonly width: number;
  /** Configured number of batches B. */
  readonly batches: number;
  /** Global index of the first draw this accumulator received or will receive. */
  readonly firstDrawIndex: number;
  /** Number of draws added so far (its next draw has global index firstDrawIndex + count). */
  readonly count: number;
  /** Adds one draw: a vector of exactly `width` entries. */
  addDraw(y: ArrayLike<number>): LayerMomentAccumulator;
  /**
   * Adds one draw given by its per-draw statistics instead of its entries: s₂ = mean_i y_i²,
   * s₄ = mean_i y_i⁴, s₂₂ = mean over ordered pairs i ≠ j of y_i²y_j² (ignored when width = 1) —
   * or any unbiased stand-ins for them, e.g. their conditional expectations given part of the draw
   * (a Rao–Blackwellised estimator). Throws unless all three are finite.
   */
  addMoments(s2: number, s4: number, s22: number): LayerMomentAccumulator;
  /** Adds draws stored row-major [draws × width] (a tfjs `dataSync()` of a [draws, width] tensor). */
  addDraws(data: ArrayLike<number>): LayerMomentAccumulator;
  /** Adds the draws of an adjacent accumulator (or its state); see createLayerMomentAccumulator. */
  merge(other: LayerMomentAccumulator | LayerMomentState): LayerMomentAccumulator;
  /** A deep copy of the exact state (plain data). */
  state(): LayerMomentState;
  /** Pooled estimates with batch-means and delta-method standard errors. */
  summary(): LayerMomentSummary;
}
