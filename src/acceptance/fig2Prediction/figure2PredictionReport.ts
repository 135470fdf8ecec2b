import { compareFigure2Prediction, type Figure2PredictionComparison } from './compareFigure2Prediction.ts';
import { predictFigure2Quantiles } from './predictFigure2Quantiles.ts';
import { empiricalQuantile } from '../empiricalQuantile.ts';
import { readFigure2Results } from './readFigure2Results.ts';
import { readFigure2Summary } from './readFigure2Summary.ts';

/** The input statistics that start the prediction (`vv input-stats`, He-normal, authors' preprocessing). */
export interface Figure2PredictionInputs {
  readonly kappa0: number;
  readonly c0Normalized: number;
  /** σ² of the first layer's output, kept by He at every layer. */
  readonly sigma2: number;
  /** Data set label, e.g. 'CIFAR-10 (JPEG-q75 stand-in)'. */
  readonly dataset: string;
}

/** Which of Figure 2's initialisers Section 5's κ-based law can be applied to at all. */
export const FIGURE2_LAW_APPLIES: Readonly<Record<string, string>> = {
  'he-normal': "yes: Proposition 3's setting (i.i.d. normal weights, κ_w = 3, variance 2/fan-in, slope 0); this is the prediction tested",
  'glorot-normal': 'as a formula only: i.i.d. normal weights give the same κ_l (kurtosis is scale-free), but σ_l² halves at every width-10 layer; not tested here',
  orthogonal: "no: the weights of a row are not independent (an orthogonal matrix), so Proposition 3's κ_l is not this network's kurtosis",
  gsm: "no: the weights are built as [[M, −M], [−M, M]] from one Gaussian block, not i.i.d.; Proposition 3 does not apply",
  zero: 'no: ZerO is deterministic; there is no law over networks (one network)',
  metainit: 'no: the per-layer norms are optimised, so the weights are neither i.i.d. nor He-scaled',
};

/** The whole story of one prediction against one Figure 2 summary. */
export interface Figure2PredictionReport {
  readonly statement: string;
  readonly summary: { readonly path: string; readonly scale: string; readonly images: number; readonly networks: number; readonly results?: string };
  readonly initialiser: 'he-normal';
  readonly inputs: Figure2PredictionInputs & { readonly width: number; readonly lastLayer: number; readonly weightKurtosis: number; readonly n: number };
  readonly comparison: Figure2PredictionComparison;
  readonly applicability: Readonly<Record<string, string>>;
}

export const FIGURE2_PREDICTION_STATEMENT =
  "Section 5's law as Section 6.2 applies it to Figure 2: S_n² of one He-normal network's unit over n images, read across networks, is σ²·Gamma(DF_n/2, 2/DF_n) with DF_n = 2n/(κ_l − (n−3)/(n−1)), κ_l from Proposition 3 — so its 0.9/0.99/0.999 quantiles over networks are the Gamma quantiles, layer by layer.";

/**
 * Predicts Figure 2's He-normal quantiles from the data's (κ₀, c₀/σ⁴, σ²) — width 10, n = the
 * summary's image count, layers 0 … (last measured layer) — and compares them with the summary's
 * measured quantiles (`compareFigure2Prediction`).
 *
 * @example figure2PredictionReport({ summaryPath: 'reports/fig2-paper/summary.json', inputs: { kappa0: 3.8453, c0Normalized: 0.28176, sigma2: 3.0888, dataset: 'CIFAR-10' } }).comparison.refutedLayers // 101
 * @throws Error (one line) from `readFigure2Summary`, or when the summary's layers are not 0 … L.
 */
export function figure2PredictionReport(o: { summaryPath: string; inputs: Figure2PredictionInputs; width?: number; /** How the record names the summary (default: summaryPath). */ summaryLabel?: string; /** The run's results.jsonl: sharp order-statistic intervals from the networks' values (checked to be the summary's run). */ resultsPath?: string; resultsLabel?: string }): Figure2PredictionReport {
  const s = readFigure2Summary(o.summaryPath, 'he-normal');
  const layers = [...s.measured].map((m) => m.layer).sort((a, b) => a - b);
  if (layers.some((l, i) => l !== i)) throw new Error(`${o.summaryPath}: quantiles.he-normal must list layers 0 … L once each`);
  const width = o.width ?? 10;
  const inputs = { ...o.inputs, width, lastLayer: layers.length - 1, weightKurtosis: 3, n: s.images };
  const predicted = predictFigure2Quantiles({
    kappa0: inputs.kappa0,
    c0Normalized: inputs.c0Normalized,
    variance: inputs.sigma2,
    width,
    layers: inputs.lastLayer,
    weightKurtosis: 3,
    n: s.images,
  });
  let values: Float64Array[] | undefined;
  if (o.resultsPath !== undefined) {
    values = readFigure2Results(o.resultsPath, 'he-normal');
    if (values.length !== s.measured.length || values[0]!.length !== s.networks) {
      throw new Error(`${o.resultsPath}: ${values[0]!.length} networks × ${values.length} layers, but the summary has ${s.networks} × ${s.measured.length}: not the same run`);
    }
    for (const m of s.measured) {
      const sorted = Float64Array.from(values[m.layer]!).sort();
      for (const [key, level] of [['q90', 0.9], ['q99', 0.99], ['q999', 0.999]] as const) {
        const q = empiricalQuantile(sorted, level);
        if (!(Math.abs(q - m[key]) <= 1e-4 * Math.abs(m[key]))) throw new Error(`${o.resultsPath}: layer ${m.layer} ${key} = ${q} but the summary says ${m[key]}: not the same run`);
      }
    }
  }
  const comparison = compareFigure2Prediction({ networks: s.networks, measured: s.measured, predicted, ...(values !== undefined ? { values } : {}) });
  return {
    statement: FIGURE2_PREDICTION_STATEMENT,
    summary: { path: o.summaryLabel ?? s.path, scale: s.scale, images: s.images, networks: s.networks, ...(o.resultsPath !== undefined ? { results: o.resultsLabel ?? o.resultsPath } : {}) },
    initialiser: 'he-normal',
    inputs,
    comparison,
    applicability: FIGURE2_LAW_APPLIES,
  };
}
