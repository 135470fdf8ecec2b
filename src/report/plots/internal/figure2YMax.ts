import { FIGURE2_Y_MIN, type Figure2Row } from './figure2Rows.ts';

/**
 * The top of Figure 2's log axis for these rows: the next power of ten at or above the largest
 * plotted value, and at least 10× the bottom so the axis never collapses.
 *
 * @example
 * figure2YMax([{ plotted: 3.2 }, { plotted: 0.001 }]); // 10
 */
export function figure2YMax(rows: readonly Pick<Figure2Row, 'plotted'>[]): number {
  const top = Math.max(...rows.map((r) => r.plotted));
  return Math.max(10 * FIGURE2_Y_MIN, 10 ** Math.ceil(Math.log10(top)));
}
