import { requireNumber } from './requireNumber.ts';

/** One Linear layer's quantiles over networks of the empirical variance (Figure 2). */
export interface Figure2Layer {
  /** Linear layer index: 0 = input layer, 100 = output layer for depth 100 (non-negative integer). */
  layer: number;
  /** 0.9 quantile over networks (≥ 0). */
  q90: number;
  /** 0.99 quantile over networks (≥ q90). */
  q99: number;
  /** 0.999 quantile over networks (≥ q99). */
  q999: number;
}

/** One plotted value of Figure 2, in long form. */
export interface Figure2Row {
  initialiser: string;
  layer: number;
  quantile: string;
  /** The value as given. */
  variance: number;
}

const QUANTILES = [
  ['q90', '0.9'],
  ['q99', '0.99'],
  ['q999', '0.999'],
] as const;

/**
 * Validates one initialiser's layers and turns them into long-form rows (three per layer, one
 * per quantile), sorted by layer then quantile.
 *
 * @throws RangeError naming the field (`<prefix>[i].q99`, …) for an empty array, a non-finite or
 *   negative value, quantiles out of order, a non-integer or repeated layer.
 * @example
 * figure2Rows({ layers: [{ layer: 0, q90: 1, q99: 2, q999: 3e-4 }], initialiser: 'ZerO', field: 'layers', api: 'f' });
 * // throws RangeError: f: layers[0].q999 must be >= 2, got 0.0003
 */
export function figure2Rows(options: { layers: readonly Figure2Layer[]; initialiser: string; field: string; api: string }): Figure2Row[] {
  const { layers, initialiser, field, api } = options;
  if (!Array.isArray(layers) || layers.length === 0) {
    throw new RangeError(`${api}: ${field} must be a non-empty array, got ${Array.isArray(layers) ? 'an empty array' : String(layers)}`);
  }
  const seen = new Set<number>();
  const rows: Figure2Row[] = [];
  layers.forEach((l, i) => {
    const at = `${field}[${i}]`;
    const layer = requireNumber({ value: l.layer, field: `${at}.layer`, api, integer: true, min: 0 });
    if (seen.has(layer)) throw new RangeError(`${api}: ${at}.layer repeats layer ${layer}`);
    seen.add(layer);
    let previous = 0;
    for (const [key, quantile] of QUANTILES) {
      const variance = requireNumber({ value: l[key], field: `${at}.${key}`, api, min: previous });
      previous = variance;
      rows.push({ initialiser, layer, quantile, variance });
    }
  });
  rows.sort((a, b) => a.layer - b.layer || (a.quantile < b.quantile ? -1 : a.quantile > b.quantile ? 1 : 0));
  return rows;
}
