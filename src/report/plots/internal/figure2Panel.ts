import { decade, powerOfTenAxis } from './powerOfTenAxis.ts';
import { superscriptPower } from './superscriptPower.ts';
import type { Figure2Row } from './figure2Rows.ts';

/** The claim's threshold ("90% below 10⁻³ after layer 80"), drawn in every panel. */
export const FIGURE2_THRESHOLD = 1e-3;

/** Axis titles of Figure 2. */
export const FIGURE2_X_TITLE = 'Linear layer index (0 = input layer, 100 = output layer)';
export const FIGURE2_Y_TITLE = 'Empirical variance of unit 0 (input units², log scale)';

const QUANTILE_DOMAIN = ['0.9', '0.99', '0.999'];
const QUANTILE_COLOURS = ['#0072b2', '#d55e00', '#009e73'];

/**
 * The log y range of one Figure 2 panel, in whole decades: from the decade of its smallest
 * positive value — but no lower than 10⁻¹² and at least one decade below the 10⁻³ threshold — up
 * to the decade above its largest value (at least 10¹). Each panel gets its own, so MetaInit's
 * 10²⁸ does not flatten the others.
 *
 * @example figure2Range([{ variance: 0.02 }, { variance: 300 }]); // { floor: 1e-4, top: 1e3 }
 */
export function figure2Range(rows: readonly Pick<Figure2Row, 'variance'>[]): { floor: number; top: number } {
  const positive = rows.map((r) => r.variance).filter((v) => v > 0);
  const lo = positive.length === 0 ? -4 : Math.min(-4, Math.max(-12, Math.floor(Math.log10(Math.min(...positive)) + 1e-9)));
  const hi = positive.length === 0 ? 1 : Math.max(1, Math.ceil(Math.log10(Math.max(...positive)) - 1e-9));
  return { floor: decade(lo), top: decade(hi) };
}

/**
 * One Figure 2 panel (no title, no top-level data keys other than its own rows): one line per
 * quantile against layer on its own LOG y scale (`figure2Range`, ticks 10ᵏ), dashed per quantile
 * too so the lines stay apart in greyscale, and a grey dashed line at the claim's 10⁻³. A value
 * below the axis floor is not drawn as a line at the floor: the line stops, and a ▼ at the floor
 * marks, for each quantile, the first layer of every run of layers below it. Returns the spec and how many values are
 * below the floor.
 *
 * @example
 * figure2Panel({ rows, width: 260, height: 190 }).below; // e.g. 12
 */
export function figure2Panel(options: { rows: readonly Figure2Row[]; width: number; height: number; xTitle?: string; yTitle?: string; legend?: boolean }) {
  const range = figure2Range(options.rows);
  const axis = powerOfTenAxis({ min: range.floor, max: range.top, maxTicks: Math.max(3, Math.floor(options.height / 28)) });
  const floor = axis.domain[0];
  const wasBelow = new Map<string, boolean>();
  const values = [...options.rows]
    .sort((a, b) => a.layer - b.layer)
    .map((r) => {
      const isBelow = r.variance < floor;
      const first = isBelow && wasBelow.get(r.quantile) !== true;
      wasBelow.set(r.quantile, isBelow);
      return { ...r, plotted: isBelow ? null : r.variance, below: first ? floor : null };
    });
  values.sort((a, b) => a.layer - b.layer || (a.quantile < b.quantile ? -1 : a.quantile > b.quantile ? 1 : 0));
  const below = values.filter((r) => r.plotted === null).length;
  const y = (field: string, title: string | null) => ({
    field,
    type: 'quantitative' as const,
    scale: { type: 'log' as const, domain: axis.domain },
    axis: { ...axis.axis, title },
  });
  const x = { field: 'layer', type: 'quantitative' as const, title: options.xTitle ?? FIGURE2_X_TITLE, scale: { nice: false } };
  const legend = options.legend === false ? null : { titleLimit: 400, labelLimit: 200, symbolType: 'stroke', symbolSize: 300, symbolStrokeWidth: 2 };
  const color = { field: 'quantile', type: 'nominal' as const, title: 'Quantile over networks', scale: { domain: QUANTILE_DOMAIN, range: QUANTILE_COLOURS }, legend };
  const spec = {
    width: options.width,
    height: options.height,
    layer: [
      {
        data: { values: [{ threshold: FIGURE2_THRESHOLD }] },
        mark: { type: 'rule' as const, color: '#777777', strokeDash: [2, 3], strokeWidth: 1.25 },
        encoding: { y: y('threshold', options.yTitle ?? FIGURE2_Y_TITLE) },
      },
      {
        data: { values },
        mark: { type: 'line' as const, strokeWidth: 1.5, invalid: 'break-paths-show-domains' },
        encoding: {
          x,
          y: y('plotted', options.yTitle ?? FIGURE2_Y_TITLE),
          color,
          strokeDash: { field: 'quantile', type: 'nominal' as const, title: 'Quantile over networks', scale: { domain: QUANTILE_DOMAIN, range: [[1, 0], [6, 3], [2, 2]] }, legend },
          order: { field: 'layer', type: 'quantitative' as const },
        },
      },
      {
        data: { values: values.filter((r) => r.below !== null) },
        mark: { type: 'point' as const, shape: 'triangle-down', filled: true, size: 60, opacity: 1, yOffset: -5 },
        encoding: { x, y: y('below', options.yTitle ?? FIGURE2_Y_TITLE), color: { ...color, legend: null } },
      },
    ],
  };
  return { spec, below, floor, floorLabel: superscriptPower(Math.log10(floor)) };
}
