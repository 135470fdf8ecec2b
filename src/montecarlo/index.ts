/**
 * Streaming Monte Carlo estimators of a layer's moments over independent random networks:
 * σ² (second moment), raw kurtosis κ, c = Cov[y_i², y_j²] and c/σ⁴, with batch-means standard
 * errors (valid for dependent entries and heavy tails) and delta-method cross-checks.
 */
export type { Estimate, LayerMomentAccumulator, LayerMomentState, LayerMomentSummary } from './types.ts';
export {
  createLayerMomentAccumulator,
  type LayerMomentAccumulatorOptions,
} from './createLayerMomentAccumulator.ts';
