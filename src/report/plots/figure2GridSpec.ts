import type { TopLevelSpec } from 'vega-lite';
import { figure2Panel } from './internal/figure2Panel.ts';
import { figure2Rows, type Figure2Layer } from './internal/figure2Rows.ts';
import { orderInitialisers, PAPER_INITIALISER_ORDER } from './internal/orderInitialisers.ts';
import { requireLabel } from './internal/requireLabel.ts';

/** Options for `figure2GridSpec`. */
export interface Figure2GridSpecOptions {
  /** One panel per initialiser that was run; names must be distinct. */
  panels: readonly { initialiser: string; layers: readonly Figure2Layer[] }[];
  /** Dataset display label, e.g. `'CIFAR-10 (JPEG-q75 stand-in)'`. */
  dataset: string;
  /** Panels per row. Default 3 (2 rows for the paper's six). */
  columns?: number;
  /**
   * The initialisers the figure is meant to show (default: the paper's six). One that has no
   * entry in `panels` gets a panel saying it was not run, instead of an empty axis.
   */
  expected?: readonly string[];
}

const PANEL_WIDTH = 280;
const PANEL_HEIGHT = 190;

/**
 * Figure 2 as the paper draws it, one panel per initialiser, in the paper's order (He-normal,
 * Glorot-normal, orthogonal, GSM, MetaInit, ZerO, then any others alphabetically): each panel the
 * 0.9, 0.99 and 0.999 quantiles over networks of the empirical variance of the first unit of each
 * Linear layer, on its OWN log y scale (`figure2Panel`: whole decades, ticks 10ᵏ, the claim's
 * 10⁻³ dashed), so MetaInit's 10²⁸ leaves the others readable. Values below a panel's floor are
 * marked ▼ on the floor (the line stops there), and the panel's subtitle counts them; an expected
 * initialiser that was not run gets a panel saying so.
 *
 * @throws TypeError / RangeError naming the field (e.g. `panels[2].layers[7].q99`,
 *   `panels[4].initialiser`) for no panels, a repeated initialiser, bad `columns`, or any
 *   input `figure2Spec` rejects.
 * @example
 * const spec = figure2GridSpec({ dataset: 'CIFAR-10', panels: [
 *   { initialiser: 'ZerO', layers: [{ layer: 0, q90: 1, q99: 1, q999: 1 }] },
 *   { initialiser: 'He-normal', layers: [{ layer: 0, q90: 0.5, q99: 2, q999: 40 }] }] });
 * spec.concat.map((p) => p.title.text); // ['He-normal', 'Glorot-normal (not run)', …, 'ZerO']
 */
export function figure2GridSpec(options: Figure2GridSpecOptions): TopLevelSpec {
  const api = 'figure2GridSpec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  const columns = options.columns ?? 3;
  if (!Number.isInteger(columns) || columns < 1) throw new RangeError(`${api}: columns must be a positive integer, got ${String(columns)}`);
  if (!Array.isArray(options.panels) || options.panels.length === 0) {
    throw new RangeError(`${api}: panels must be a non-empty array, got ${Array.isArray(options.panels) ? 'an empty array' : String(options.panels)}`);
  }
  const byName = new Map<string, ReturnType<typeof figure2Rows>>();
  options.panels.forEach((panel, i) => {
    const initialiser = requireLabel({ value: panel.initialiser, field: `panels[${i}].initialiser`, api });
    if (byName.has(initialiser)) throw new RangeError(`${api}: panels[${i}].initialiser repeats ${JSON.stringify(initialiser)}`);
    byName.set(initialiser, figure2Rows({ layers: panel.layers, initialiser, field: `panels[${i}].layers`, api }));
  });
  const order = orderInitialisers([...(options.expected ?? PAPER_INITIALISER_ORDER), ...byName.keys()]);
  let belowTotal = 0;
  const missing: string[] = [];
  const concat = order.map((name, k) => {
    const rows = byName.get(name);
    const yTitle = k % columns === 0 ? 'Variance of unit 0 (log)' : null;
    if (rows === undefined) {
      missing.push(name);
      return {
        title: { text: `${name} (not run)`, fontSize: 12, fontWeight: 'bold' as const, color: '#777777' },
        width: PANEL_WIDTH,
        height: PANEL_HEIGHT,
        data: { values: [{ text: `${name} was not run for this report` }] },
        mark: { type: 'text' as const, color: '#777777', fontSize: 12, x: PANEL_WIDTH / 2, y: PANEL_HEIGHT / 2 },
        encoding: { text: { field: 'text', type: 'nominal' as const } },
        view: { stroke: '#dddddd', strokeDash: [4, 4] },
      };
    }
    const panel = figure2Panel({ rows, width: PANEL_WIDTH, height: PANEL_HEIGHT, xTitle: 'Linear layer (0 = input, 100 = output)', yTitle: yTitle ?? undefined });
    belowTotal += panel.below;
    const subtitle = panel.below === 0 ? `all ${rows.length} values ≥ ${panel.floorLabel}` : `▼ ${panel.below} of ${rows.length} values below ${panel.floorLabel}`;
    return {
      title: { text: name, subtitle, fontSize: 12, fontWeight: 'bold' as const, subtitleFontSize: 10, subtitleColor: '#555555' },
      ...panel.spec,
      layer: panel.spec.layer.map((l, i) => (i === 0 && yTitle === null ? { ...l, encoding: { y: { ...l.encoding.y, axis: { ...l.encoding.y.axis, title: null } } } } : l)),
    };
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 2 — Empirical variance per layer by initialiser, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Quantiles 0.9, 0.99, 0.999 over networks of the empirical variance of each Linear layer's first unit.`,
        `Each panel has its own log y axis; grey dashed: the claim's 10⁻³; ▼: values below the panel's floor (${belowTotal} in all).`,
        ...(missing.length === 0 ? [] : [`Not run for this report: ${missing.join(', ')}.`]),
      ],
      anchor: 'start',
    },
    concat,
    columns,
    spacing: { row: 28, column: 22 },
    resolve: { scale: { y: 'independent', x: 'shared', color: 'shared', strokeDash: 'shared' } },
  } as TopLevelSpec;
}
