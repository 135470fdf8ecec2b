import type { TopLevelSpec } from 'vega-lite';
import { figure2Layer } from './internal/figure2Layer.ts';
import { FIGURE2_Y_MIN, figure2Rows, type Figure2Layer } from './internal/figure2Rows.ts';
import { figure2YMax } from './internal/figure2YMax.ts';
import { orderInitialisers } from './internal/orderInitialisers.ts';
import { requireLabel } from './internal/requireLabel.ts';

/** Options for `figure2GridSpec`. */
export interface Figure2GridSpecOptions {
  /** One panel per initialiser (the paper has six); names must be distinct. */
  panels: readonly { initialiser: string; layers: readonly Figure2Layer[] }[];
  /** Dataset display label, e.g. `'CIFAR-10 (JPEG-q75 stand-in)'`. */
  dataset: string;
  /** Panels per row. Default 3 (2 rows for the paper's six). */
  columns?: number;
}

/**
 * Figure 2 as small multiples: the `figure2Spec` panel for each initialiser, faceted in the
 * paper's order (He-normal, Glorot-normal, orthogonal, GSM, MetaInit, ZerO, then any others
 * alphabetically), all on one shared LOG y scale from 1e-3 (values below clipped to the axis,
 * as the caption says) so panels compare directly.
 *
 * @throws TypeError / RangeError naming the field (e.g. `panels[2].layers[7].q99`,
 *   `panels[4].initialiser`) for no panels, a repeated initialiser, bad `columns`, or any
 *   input `figure2Spec` rejects.
 * @example
 * const spec = figure2GridSpec({ dataset: 'CIFAR-10', panels: [
 *   { initialiser: 'ZerO', layers: [{ layer: 0, q90: 1, q99: 1, q999: 1 }] },
 *   { initialiser: 'He-normal', layers: [{ layer: 0, q90: 0.5, q99: 2, q999: 40 }] }] });
 * spec.facet.sort; // ['He-normal', 'ZerO']
 */
export function figure2GridSpec(options: Figure2GridSpecOptions): TopLevelSpec {
  const api = 'figure2GridSpec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  const columns = options.columns ?? 3;
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`${api}: columns must be a positive integer, got ${String(columns)}`);
  if (!Array.isArray(options.panels) || options.panels.length === 0) {
    throw new RangeError(`${api}: panels must be a non-empty array, got ${Array.isArray(options.panels) ? 'an empty array' : String(options.panels)}`);
  }
  const names: string[] = [];
  const byName = new Map<string, ReturnType<typeof figure2Rows>>();
  options.panels.forEach((panel, i) => {
    const initialiser = requireLabel({ value: panel.initialiser, field: `panels[${i}].initialiser`, api });
    if (byName.has(initialiser)) throw new RangeError(`${api}: panels[${i}].initialiser repeats ${JSON.stringify(initialiser)}`);
    names.push(initialiser);
    byName.set(initialiser, figure2Rows({ layers: panel.layers, initialiser, field: `panels[${i}].layers`, api }));
  });
  const order = orderInitialisers(names);
  const values = order.flatMap((n) => byName.get(n)!);
  const clipped = values.filter((r) => r.clipped).length;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 2 — Empirical variance per layer by initialiser, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Quantiles 0.9, 0.99, 0.999 over networks of the empirical variance of each Linear layer's first unit.`,
        `Shared log y axis with bottom at ${FIGURE2_Y_MIN}: values below it are clipped to the axis (${clipped} of ${values.length} plotted values).`,
      ],
      anchor: 'start',
    },
    data: { values },
    facet: { field: 'initialiser', type: 'nominal', sort: order, title: null, header: { labelFontSize: 12, labelFontWeight: 'bold' } },
    columns,
    // Panel-sized axis titles: the full ones are wider than a 260-pixel panel and overlap their neighbours.
    spec: figure2Layer({ yMax: figure2YMax(values), width: 260, height: 180, xTitle: 'Linear layer (0 = input, 100 = output)', yTitle: 'Variance of unit 0 (log)' }),
    resolve: { scale: { y: 'shared', x: 'shared' } },
  } as TopLevelSpec;
}
