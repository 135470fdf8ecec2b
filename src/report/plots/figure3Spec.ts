import { initialiserColourEncoding } from './internal/initialiserColourEncoding.ts';
import type { TopLevelSpec } from 'vega-lite';
import { orderInitialisers } from './internal/orderInitialisers.ts';
import { requireLabel } from './internal/requireLabel.ts';
import { requireNumber } from './internal/requireNumber.ts';

/** One (initialiser, depth) cell of Figure 3: test accuracy over repetitions. */
export interface Figure3Point {
  /** Initialiser display name, e.g. `'ZerO'`. */
  initialiser: string;
  /** Network depth (non-negative integer). */
  depth: number;
  /** Mean test accuracy over repetitions, in [min, max]. */
  mean: number;
  /** Lowest test accuracy over repetitions, in [0, 1]. */
  min: number;
  /** Highest test accuracy over repetitions, in [0, 1]. */
  max: number;
}

/** Options for `figure3Spec`. */
export interface Figure3SpecOptions {
  /** One entry per (initialiser, depth); at least one; order does not matter (rows are sorted). */
  points: readonly Figure3Point[];
  /** Network width: 10 (Figure 3a) or 200 (Figure 3b). */
  width: 10 | 200;
  /** Dataset display label, e.g. `'CIFAR-10 (JPEG-q75 stand-in)'`. */
  dataset: string;
  /** Adam steps each run trained for, printed in the titles (default 500, the paper's). */
  steps?: number;
}

/**
 * Figure 3 of the paper as a vega-lite spec: test accuracy (y, linear, 0–1) against depth
 * (x, linear) for one width, one colour per initialiser: the mean over repetitions as a line
 * with dots, the min–max range as a translucent band. Initialisers are ordered as in the paper
 * (He-normal, Glorot-normal, orthogonal, GSM, MetaInit, ZerO, then others alphabetically) and
 * rows by (initialiser, depth), so the same cells in any order give the same spec.
 *
 * @throws TypeError / RangeError naming the field (e.g. `points[2].mean`) for empty `points`,
 *   NaN or out-of-range accuracies, min ≤ mean ≤ max broken, a non-integer depth, a repeated
 *   (initialiser, depth), a width other than 10 or 200, or an empty `dataset` / initialiser.
 * @example
 * const spec = figure3Spec({ width: 10, dataset: 'CIFAR-10',
 *   points: [{ initialiser: 'ZerO', depth: 10, mean: 0.385, min: 0.38, max: 0.39 }] });
 * spec.layer.length; // 3 (band, line, dots)
 */
export function figure3Spec(options: Figure3SpecOptions): TopLevelSpec {
  const api = 'figure3Spec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  if (options.width !== 10 && options.width !== 200) {
    throw new RangeError(`${api}: width must be 10 or 200 (the paper's Figures 3a and 3b), got ${String(options.width)}`);
  }
  const width = options.width;
  if (!Array.isArray(options.points) || options.points.length === 0) {
    throw new RangeError(`${api}: points must be a non-empty array, got ${Array.isArray(options.points) ? 'an empty array' : String(options.points)}`);
  }
  const seen = new Set<string>();
  const rows = options.points.map((p, i) => {
    const at = `points[${i}]`;
    const initialiser = requireLabel({ value: p.initialiser, field: `${at}.initialiser`, api });
    const depth = requireNumber({ value: p.depth, field: `${at}.depth`, api, integer: true, min: 0 });
    const min = requireNumber({ value: p.min, field: `${at}.min`, api, min: 0, max: 1 });
    const max = requireNumber({ value: p.max, field: `${at}.max`, api, min, max: 1 });
    const mean = requireNumber({ value: p.mean, field: `${at}.mean`, api, min, max });
    const key = JSON.stringify([initialiser, depth]);
    if (seen.has(key)) throw new RangeError(`${api}: ${at} repeats (initialiser, depth) = (${initialiser}, ${depth})`);
    seen.add(key);
    return { initialiser, depth, mean, min, max };
  });
  const domain = orderInitialisers(rows.map((r) => r.initialiser));
  rows.sort((a, b) => domain.indexOf(a.initialiser) - domain.indexOf(b.initialiser) || a.depth - b.depth);
  const color = initialiserColourEncoding(domain);
  const x = { field: 'depth', type: 'quantitative' as const, title: 'Depth (number of hidden ReLU layers)' };
  const yTitle = `Test accuracy after ${options.steps ?? 500} steps (fraction correct)`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 3${width === 10 ? 'a' : 'b'} — Test accuracy vs depth, width ${width}, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Networks of width ${width}; test accuracy after ${options.steps ?? 500} Adam steps against depth.`,
        'Line and dots: mean over repetitions; band: min–max over repetitions.',
      ],
      anchor: 'start',
    },
    data: { values: rows },
    width: 520,
    height: 320,
    layer: [
      {
        mark: { type: 'area', opacity: 0.18 },
        encoding: {
          x,
          y: { field: 'min', type: 'quantitative', scale: { domain: [0, 1] }, stack: null, title: yTitle },
          y2: { field: 'max' },
          color,
          order: { field: 'depth', type: 'quantitative' },
        },
      },
      {
        mark: { type: 'line', strokeWidth: 1.75 },
        encoding: { x, y: { field: 'mean', type: 'quantitative', title: yTitle }, color, order: { field: 'depth', type: 'quantitative' } },
      },
      {
        mark: { type: 'point', filled: true, size: 30 },
        encoding: { x, y: { field: 'mean', type: 'quantitative', title: yTitle }, color },
      },
    ],
  } as TopLevelSpec;
}
