import type { TopLevelSpec } from 'vega-lite';
import { figure2Panel } from './internal/figure2Panel.ts';
import { figure2Rows, type Figure2Layer } from './internal/figure2Rows.ts';
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
 * first output unit (y, LOG scale over whole decades fitted to the data, ticks 10ᵏ, the claim's
 * 10⁻³ dashed; `figure2Panel`), one line per quantile. Values below the axis floor (zero
 * included) are marked ▼ on the floor, not drawn as a plateau; the caption counts them.
 *
 * @throws TypeError / RangeError naming the field (e.g. `layers[7].q99`) for empty `layers`,
 *   NaN / infinite / negative values, quantiles out of order (q90 ≤ q99 ≤ q999), a repeated or
 *   non-integer layer, or an empty `initialiser` / `dataset`.
 * @example
 * const spec = figure2Spec({ initialiser: 'ZerO', dataset: 'CIFAR-10',
 *   layers: [{ layer: 0, q90: 1.2, q99: 1.5, q999: 1.9 }, { layer: 1, q90: 0.8, q99: 1, q999: 1.1 }] });
 * spec.layer[1].encoding.y.scale; // { type: 'log', domain: [0.0001, 10] }
 */
export function figure2Spec(options: Figure2SpecOptions): TopLevelSpec {
  const api = 'figure2Spec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  const initialiser = requireLabel({ value: options.initialiser, field: 'initialiser', api });
  const rows = figure2Rows({ layers: options.layers, initialiser, field: 'layers', api });
  const panel = figure2Panel({ rows, width: 480, height: 300 });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 2 — Empirical variance per layer, ${initialiser}, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Quantiles 0.9, 0.99, 0.999 over networks of the empirical variance of each Linear layer's first unit.`,
        `Log y axis from ${panel.floorLabel}; grey dashed: the claim's 10⁻³; ▼: below ${panel.floorLabel} (${panel.below} of ${rows.length} plotted values).`,
      ],
      anchor: 'start',
    },
    ...panel.spec,
  } as TopLevelSpec;
}
