import { numberField } from '../../algebra/field.ts';
import { gammaLawQuantiles, type GammaLawQuantile } from '../../theory/gammaLawQuantiles.ts';
import { propagateKurtosis } from '../../theory/kurtosisRecursion.ts';

/** The levels Figure 2 plots. */
export const FIGURE2_LEVELS = [0.9, 0.99, 0.999] as const;

/** Options of {@link predictFigure2Quantiles}. */
export interface PredictFigure2Options {
  /** κ₀ of the He random vector (the first Linear's output over networks and images). */
  readonly kappa0: number;
  /** c₀/σ⁴ of the He random vector. */
  readonly c0Normalized: number;
  /** σ² of every layer (He keeps it: the first layer's σ² = v·E‖x‖²). */
  readonly variance: number;
  /** Hidden width (10 in Figure 2). */
  readonly width: number;
  /** Last layer index L (100 in Figure 2: layers 0 … L). */
  readonly layers: number;
  /** Raw kurtosis κ_w of the weights (normal: 3). */
  readonly weightKurtosis: number;
  /** Number of images n the empirical variance is taken over. */
  readonly n: number;
}

/** One layer of the prediction. */
export interface Figure2PredictionLayer {
  readonly layer: number;
  /** Proposition 3's κ_l (slope 0), from (κ₀, c₀/σ⁴). */
  readonly kappa: number;
  readonly degreesOfFreedom: number;
  readonly shape: number;
  /** Predicted q0.9, q0.99, q0.999 of S_n² (FIGURE2_LEVELS order). */
  readonly quantiles: readonly GammaLawQuantile[];
}

/**
 * Section 5's law applied as Section 6.2 applies it to Figure 2: layer l's unit has kurtosis κ_l
 * from Proposition 3's recursion (slope 0, width w at every step; layer 0 is the He random vector
 * with (κ₀, c₀/σ⁴)) and variance σ², so S_n² of one network over n images is predicted to be
 * σ²·Gamma(DF_n/2, 2/DF_n), DF_n = 2n/(κ_l − (n−3)/(n−1)); returns its 0.9/0.99/0.999 quantiles per
 * layer 0 … L.
 *
 * @example predictFigure2Quantiles({ kappa0: 3.8453, c0Normalized: 0.28176, variance: 3.0888, width: 10, layers: 100, weightKurtosis: 3, n: 50000 })[20]
 * // { layer: 20, kappa: ≈ 1.28e4, shape: ≈ 3.91, quantiles: [q0.9 ≈ 5.18, q0.99 ≈ 7.82, q0.999 ≈ 10.2] }
 */
export function predictFigure2Quantiles(o: PredictFigure2Options): Figure2PredictionLayer[] {
  const api = 'predictFigure2Quantiles';
  if (!Number.isInteger(o.layers) || o.layers < 0) throw new Error(`${api}: layers must be an integer >= 0, got ${String(o.layers)}`);
  if (!Number.isInteger(o.width) || o.width < 1) throw new Error(`${api}: width must be an integer >= 1, got ${String(o.width)}`);
  const kappas = propagateKurtosis(numberField, {
    widths: Array.from({ length: o.layers }, () => o.width),
    slope: 0,
    weightKurtosis: o.weightKurtosis,
    variance: 1,
    kappa0: o.kappa0,
    c0: o.c0Normalized,
  });
  return kappas.map(({ kappa }, layer) => {
    const g = gammaLawQuantiles({ kurtosis: kappa, variance: o.variance, n: o.n, levels: FIGURE2_LEVELS });
    return { layer, kappa, degreesOfFreedom: g.degreesOfFreedom, shape: g.shape, quantiles: g.quantiles };
  });
}
