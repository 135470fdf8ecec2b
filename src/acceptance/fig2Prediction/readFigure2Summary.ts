import { readFileSync } from 'node:fs';
import type { MeasuredFigure2Layer } from './compareFigure2Prediction.ts';

/** What {@link readFigure2Summary} takes from a Figure 2 `summary.json`. */
export interface Figure2SummaryQuantiles {
  readonly path: string;
  readonly scale: string;
  /** Images each empirical variance was taken over. */
  readonly images: number;
  /** Networks behind the initialiser's quantiles. */
  readonly networks: number;
  readonly measured: readonly MeasuredFigure2Layer[];
}

/**
 * Reads one initialiser's per-layer quantiles from a Figure 2 `summary.json` (`vv fig2`,
 * `vv acceptance`: `{ figure: 'fig2', job: { scale }, images, networks: { init: N }, quantiles: { init: [{ layer, q90, q99, q999 }] } }`).
 *
 * @example readFigure2Summary('reports/fig2-paper/summary.json', 'he-normal') // { images: 50000, networks: 10000, measured: [101 layers], … }
 * @throws Error (one line, naming the file and the field) when the file cannot be read or parsed,
 *   is not a Figure 2 summary, or lacks the initialiser.
 */
export function readFigure2Summary(path: string, init: string): Figure2SummaryQuantiles {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  let s: Record<string, unknown>;
  try {
    s = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new Error(`${path}: not valid JSON`);
  }
  if (s === null || typeof s !== 'object' || s.figure !== 'fig2') throw new Error(`${path}: not a Figure 2 summary (figure is ${JSON.stringify(s?.figure)}, expected "fig2")`);
  const images = s.images;
  if (typeof images !== 'number' || !Number.isInteger(images) || images < 2) throw new Error(`${path}: images must be an integer >= 2, got ${JSON.stringify(images)}`);
  const networks = (s.networks as Record<string, unknown> | undefined)?.[init];
  if (typeof networks !== 'number' || !Number.isInteger(networks) || networks < 1) throw new Error(`${path}: networks.${init} missing or not a positive integer (got ${JSON.stringify(networks)})`);
  const rows = (s.quantiles as Record<string, unknown> | undefined)?.[init];
  if (!Array.isArray(rows) || rows.length === 0) throw new Error(`${path}: quantiles.${init} missing or empty`);
  const measured = rows.map((r: unknown, i): MeasuredFigure2Layer => {
    const o = r as Record<string, unknown>;
    for (const k of ['layer', 'q90', 'q99', 'q999']) {
      if (typeof o?.[k] !== 'number') throw new Error(`${path}: quantiles.${init}[${i}].${k} must be a number, got ${JSON.stringify(o?.[k])}`);
    }
    return { layer: o.layer as number, q90: o.q90 as number, q99: o.q99 as number, q999: o.q999 as number };
  });
  const scale = String((s.job as Record<string, unknown> | undefined)?.scale ?? 'unknown');
  return { path, scale, images, networks, measured };
}
