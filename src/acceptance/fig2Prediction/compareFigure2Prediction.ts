import { quantileBracketInterval } from '../../stats/quantileBracketInterval.ts';
import { quantileLowerBound, quantileUpperBound } from '../../stats/quantileConfidenceInterval.ts';
import { FIGURE2_LEVELS, type Figure2PredictionLayer } from './predictFigure2Quantiles.ts';

/** One measured layer of Figure 2 (summary.json's `quantiles[init][l]`). */
export interface MeasuredFigure2Layer {
  readonly layer: number;
  readonly q90: number;
  readonly q99: number;
  readonly q999: number;
}

/** A distribution-free interval for one true quantile, with the probabilities that each end misses it. */
export interface ComparisonInterval {
  /** 'bracket': from the other measured quantiles (`quantileBracketInterval`); 'order-statistics': from the networks' values (`quantileLowerBound`/`quantileUpperBound`). */
  readonly method: 'bracket' | 'order-statistics';
  readonly lower: number;
  readonly upper: number;
  readonly missLower: number;
  readonly missUpper: number;
  readonly coverage: number;
}

/** The comparison at one (layer, level). */
export interface QuantileComparison {
  readonly level: number;
  readonly predicted: number;
  readonly predictedLog10: number;
  readonly measured: number;
  /** log10(predicted / measured). */
  readonly log10Ratio: number;
  readonly interval: ComparisonInterval;
  /** 'supported': predicted inside the interval; 'refuted': outside ('above' or 'below' it). */
  readonly verdict: 'supported' | 'refuted';
  readonly side: 'inside' | 'above' | 'below';
}

export interface LayerComparison {
  readonly layer: number;
  readonly kappa: number;
  readonly shape: number;
  readonly levels: readonly QuantileComparison[];
  /** 'refuted' when any level is refuted, else 'supported'. */
  readonly verdict: 'supported' | 'refuted';
}

export interface Figure2PredictionComparison {
  /** Networks behind each measured quantile. */
  readonly networks: number;
  readonly layers: readonly LayerComparison[];
  readonly supportedLayers: number;
  readonly refutedLayers: number;
  /**
   * Union bound (Bonferroni over every layer and level) on the probability that ANY interval misses
   * its true quantile, i.e. that any 'refuted' is a false alarm: Σ (missLower + missUpper).
   */
  readonly falseRefutation: number;
  /** The smallest coverage of a single interval. */
  readonly minCoverage: number;
  readonly method: 'bracket' | 'order-statistics';
}

const MEASURED_KEYS = ['q90', 'q99', 'q999'] as const;

/**
 * Puts Section 5's predicted quantiles beside Figure 2's measured ones, layer by layer: each true
 * quantile ξ_q over networks gets the distribution-free interval that the measured quantiles
 * themselves give (`quantileBracketInterval`: [Q at the next level below, Q at the next level
 * above], floor 0 for q0.9, +∞ above q0.999), and the prediction is 'supported' at (layer, q) when
 * it lies inside, 'refuted' when outside; a layer is refuted when any of its three is. The
 * intervals assume the networks are i.i.d. (they are: one seed per network).
 *
 * @example compareFigure2Prediction({ networks: 10000, measured, predicted }).layers[0].levels[1]
 * // { level: 0.99, predicted: 3.14, measured: 8.32, interval: { lower: 4.84, upper: 11.9, … }, verdict: 'refuted', side: 'below' }
 * @throws Error when a layer of `predicted` has no measured row, a measured value is NaN or
 *   negative, or networks < 1.
 */
export function compareFigure2Prediction(p: {
  networks: number;
  measured: readonly MeasuredFigure2Layer[];
  predicted: readonly Figure2PredictionLayer[];
  /**
   * Optional: each layer's values over the networks (index = layer). Then every interval is the
   * order-statistic one at family-wise level `alpha` (default 0.05), Bonferroni over all layers
   * and levels, α/(2m) per end: the sharp interval a summary's three quantiles cannot give.
   */
  values?: readonly ArrayLike<number>[];
  alpha?: number;
}): Figure2PredictionComparison {
  const api = 'compareFigure2Prediction';
  if (!Number.isInteger(p.networks) || p.networks < 1) throw new Error(`${api}: networks must be an integer >= 1, got ${String(p.networks)}`);
  const byLayer = new Map(p.measured.map((m) => [m.layer, m]));
  let falseRefutation = 0;
  let minCoverage = 1;
  const layers = p.predicted.map((pred): LayerComparison => {
    const m = byLayer.get(pred.layer);
    if (m === undefined) throw new Error(`${api}: no measured quantiles for layer ${pred.layer}`);
    const values = MEASURED_KEYS.map((k) => {
      const v = m[k];
      if (typeof v !== 'number' || Number.isNaN(v) || v < 0) throw new Error(`${api}: measured layer ${pred.layer} ${k} must be a number >= 0, got ${String(v)}`);
      return v;
    });
    const levels = FIGURE2_LEVELS.map((level, i): QuantileComparison => {
      const layerValues = p.values?.[pred.layer];
      let interval: ComparisonInterval;
      if (p.values !== undefined) {
        if (layerValues === undefined || layerValues.length !== p.networks) throw new Error(`${api}: values[${pred.layer}] must hold ${p.networks} values, got ${layerValues?.length ?? 'none'}`);
        const tail = (p.alpha ?? 0.05) / (2 * FIGURE2_LEVELS.length * p.predicted.length);
        const lo = quantileLowerBound(layerValues, level, tail);
        const hi = quantileUpperBound(layerValues, level, tail);
        const missLower = lo.coverage === null ? 0 : 1 - lo.coverage;
        const missUpper = hi.coverage === null ? 0 : 1 - hi.coverage;
        interval = { method: 'order-statistics', lower: lo.value ?? 0, upper: hi.value ?? Number.POSITIVE_INFINITY, missLower, missUpper, coverage: 1 - missLower - missUpper };
      } else {
        const known = FIGURE2_LEVELS.map((l, j) => ({ level: l, value: values[j]! })).filter((_, j) => j !== i);
        const b = quantileBracketInterval({ n: p.networks, q: level, floor: 0, known });
        interval = { method: 'bracket', lower: b.lower, upper: b.upper, missLower: b.missLower, missUpper: b.missUpper, coverage: b.coverage };
      }
      falseRefutation += interval.missLower + interval.missUpper;
      minCoverage = Math.min(minCoverage, interval.coverage);
      const predicted = pred.quantiles[i]!;
      const side = predicted.value < interval.lower ? 'below' : predicted.value > interval.upper ? 'above' : 'inside';
      return {
        level,
        predicted: predicted.value,
        predictedLog10: predicted.log10,
        measured: values[i]!,
        log10Ratio: predicted.log10 - Math.log10(values[i]!),
        interval,
        verdict: side === 'inside' ? 'supported' : 'refuted',
        side,
      };
    });
    return { layer: pred.layer, kappa: pred.kappa, shape: pred.shape, levels, verdict: levels.some((l) => l.verdict === 'refuted') ? 'refuted' : 'supported' };
  });
  const refutedLayers = layers.filter((l) => l.verdict === 'refuted').length;
  return { networks: p.networks, layers, supportedLayers: layers.length - refutedLayers, refutedLayers, falseRefutation, minCoverage, method: p.values !== undefined ? 'order-statistics' : 'bracket' };
}
