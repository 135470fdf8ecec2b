import type { TopLevelSpec } from 'vega-lite';
import { figure2Layer } from './internal/figure2Layer.ts';
import { FIGURE2_Y_MIN, figure2Rows, type Figure2Layer } from './internal/figure2Rows.ts';
import { figure2YMax } from './internal/figure2YMax.ts';
import { requireLabel } from './internal/requireLabel.ts';

export type { Figure2Layer } from './internal/figure2Rows.ts';

/** Options for `figure2Spec`. */
export interface Figure2SpecOptions {
  /** One entry per Linear layer (0 … 100 in the paper); order does not matter (sorted by layer). */
  layers: readonly Figure2Layer[];
  /** Initialiser display name, e.g. `'He-normal'`. */
  initialiser: string;
  /** Dataset display label, e.g. `'CIFAR-10 (JPEG-q75 stand-in)'`. */
  dataset: string;
}

/**
 * Figure 2 of the paper, one initialiser, as a vega-lite spec: per Linear layer (x, linear), the
 * 0.9, 0.99 and 0.999 quantiles over networks of the unbiased empirical variance of that layer's
 * first output unit (y, LOG scale, bottom fixed at 1e-3), one line per quantile. Values below
 * 1e-3 (zero included) are drawn on the bottom edge; the caption says so and counts them.
 *
 * @throws TypeError / RangeError naming the field (e.g. `layers[7].q99`) for empty `layers`,
 *   NaN / infinite / negative values, quantiles out of order (q90 ≤ q99 ≤ q999), a repeated or
 *   non-integer layer, or an empty `initialiser` / `dataset`.
 * @example
 * const spec = figure2Spec({ initialiser: 'ZerO', dataset: 'CIFAR-10',
 *   layers: [{ layer: 0, q90: 1.2, q99: 1.5, q999: 1.9 }, { layer: 1, q90: 0.8, q99: 1, q999: 1.1 }] });
 * spec.encoding.y.scale; // { type: 'log', domain: [0.001, 10], clamp: true }
 */
export function figure2Spec(options: Figure2SpecOptions): TopLevelSpec {
  const api = 'figure2Spec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  const initialiser = requireLabel({ value: options.initialiser, field: 'initialiser', api });
  const values = figure2Rows({ layers: options.layers, initialiser, field: 'layers', api });
  const clipped = values.filter((r) => r.clipped).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 2 — Empirical variance per layer, ${initialiser}, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Quantiles 0.9, 0.99, 0.999 over networks of the empirical variance of each Linear layer's first unit.`,
        `Log y axis with bottom at ${FIGURE2_Y_MIN}: values below it are clipped to the axis (${clipped} of ${values.length} plotted values).`,
      ],
      anchor: 'start',
    },
    data: { values },
    ...figure2Layer({ yMax: figure2YMax(values) }),
  } as TopLevelSpec;
}
