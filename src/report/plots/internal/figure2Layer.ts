import { FIGURE2_Y_MIN } from './figure2Rows.ts';

/** Axis titles of Figure 2 (shared by the single panel and the grid). */
export const FIGURE2_X_TITLE = 'Linear layer index (0 = input layer, 100 = output layer)';
export const FIGURE2_Y_TITLE = 'Empirical variance of unit 0 (input units², log scale)';

/**
 * The plot body of one Figure 2 panel (no data, no title): one line per quantile of `plotted`
 * against `layer`, y on a LOG scale from `FIGURE2_Y_MIN` to `yMax`, dashed per quantile too so
 * the lines stay apart in greyscale.
 *
 * @example
 * figure2Layer({ yMax: 10 }).encoding.y.scale; // { type: 'log', domain: [0.001, 10], clamp: true }
 */
export function figure2Layer(options: { yMax: number; width?: number; height?: number; xTitle?: string; yTitle?: string }) {
  return {
    width: options.width ?? 480,
    height: options.height ?? 300,
    mark: { type: 'line' as const, strokeWidth: 1.5 },
    encoding: {
      x: { field: 'layer', type: 'quantitative' as const, title: options.xTitle ?? FIGURE2_X_TITLE },
      y: {
        field: 'plotted',
        type: 'quantitative' as const,
        scale: { type: 'log' as const, domain: [FIGURE2_Y_MIN, options.yMax], clamp: true },
        title: options.yTitle ?? FIGURE2_Y_TITLE,
      },
      color: {
        field: 'quantile',
        type: 'nominal' as const,
        title: 'Quantile over networks',
        scale: { domain: ['0.9', '0.99', '0.999'], range: ['#4c78a8', '#f58518', '#e45756'] },
      },
      strokeDash: {
        field: 'quantile',
        type: 'nominal' as const,
        title: 'Quantile over networks',
        scale: { domain: ['0.9', '0.99', '0.999'], range: [[1, 0], [6, 3], [2, 2]] },
      },
      order: { field: 'layer', type: 'quantitative' as const },
    },
  };
}
