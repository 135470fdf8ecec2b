import { initialiserColourEncoding } from './internal/initialiserColourEncoding.ts';
import type { TopLevelSpec } from 'vega-lite';
import { orderInitialisers } from './internal/orderInitialisers.ts';
import { requireLabel } from './internal/requireLabel.ts';
import { requireNumber } from './internal/requireNumber.ts';
import { FIGURE3_CHANCE as CHANCE, figure3YDomain } from './internal/figure3YDomain.ts';

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
 * Figure 3 of the paper as a vega-lite spec: test accuracy (y, linear, fitted to the data by
 * `figure3YDomain`) against depth (x, linear) for one width, one colour per initialiser: the
 * mean over repetitions as a line with dots and the min–max range over repetitions as an error
 * bar with caps (the authors' plot has error bars), each initialiser's bars shifted sideways by
 * a fixed fraction of the depth range so that bars at one depth do not hide each other; a dashed
 * grey line marks chance accuracy (0.1). Initialisers are ordered as in the paper (He-normal,
 * Glorot-normal, orthogonal, GSM, MetaInit, ZerO, then others alphabetically) and rows by
 * (initialiser, depth), so the same cells in any order give the same spec.
 *
 * @throws TypeError / RangeError naming the field (e.g. `points[2].mean`) for empty `points`,
 *   NaN or out-of-range accuracies, min ≤ mean ≤ max broken, a non-integer depth, a repeated
 *   (initialiser, depth), a width other than 10 or 200, or an empty `dataset` / initialiser.
 * @example
 * const spec = figure3Spec({ width: 10, dataset: 'CIFAR-10',
 *   points: [{ initialiser: 'ZerO', depth: 10, mean: 0.385, min: 0.38, max: 0.39 }] });
 * spec.layer.length; // 6 (chance line, its label, error bars, caps, mean line, dots)
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
  const cells = options.points.map((p, i) => {
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
  const domain = orderInitialisers(cells.map((r) => r.initialiser));
  cells.sort((a, b) => domain.indexOf(a.initialiser) - domain.indexOf(b.initialiser) || a.depth - b.depth);
  const depths = cells.map((r) => r.depth);
  const span = Math.max(...depths) - Math.min(...depths) || 1;
  // Dodge: initialiser k of n sits at depth + (k − (n − 1)/2)·span/100, about 5 px apart at 520 px.
  const dodge = span / 100;
  const rows = cells.map((r) => ({ ...r, x: r.depth + (domain.indexOf(r.initialiser) - (domain.length - 1) / 2) * dodge }));
  const color = initialiserColourEncoding(domain);
  const yDomain = figure3YDomain(rows);
  const x = { field: 'x', type: 'quantitative' as const, title: 'Depth (number of hidden ReLU layers)', scale: { nice: false, padding: 12 }, axis: { values: [...new Set(depths)].sort((a, b) => a - b), format: 'd' } };
  const yTitle = `Test accuracy after ${options.steps ?? 500} steps (fraction correct)`;
  const y = (field: string) => ({ field, type: 'quantitative' as const, title: yTitle, scale: { domain: yDomain, zero: false } });
  const tooltip = [
    { field: 'initialiser', type: 'nominal' as const },
    { field: 'depth', type: 'quantitative' as const },
    { field: 'mean', type: 'quantitative' as const },
    { field: 'min', type: 'quantitative' as const },
    { field: 'max', type: 'quantitative' as const },
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 3${width === 10 ? 'a' : 'b'} — Test accuracy vs depth, width ${width}, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Networks of width ${width}; test accuracy after ${options.steps ?? 500} Adam steps.`,
        'Line and dots: mean over repetitions; bars: min–max over repetitions; dashed: chance (0.1).',
      ],
      anchor: 'start',
    },
    data: { values: rows },
    width: 560,
    height: 360,
    layer: [
      {
        data: { values: [{ chance: CHANCE }] },
        mark: { type: 'rule', color: '#555555', strokeDash: [5, 4], strokeWidth: 1.25 },
        encoding: { y: { field: 'chance', type: 'quantitative', scale: { domain: yDomain, zero: false }, title: yTitle } },
      },
      {
        data: { values: [{ chance: CHANCE, label: 'chance (0.1)' }] },
        mark: { type: 'text', align: 'left', baseline: 'bottom', dx: 4, dy: -3, color: '#555555', fontSize: 11, x: 0 },
        encoding: { y: { field: 'chance', type: 'quantitative' }, text: { field: 'label' } },
      },
      {
        mark: { type: 'rule', strokeWidth: 2, opacity: 1 },
        encoding: { x, y: y('min'), y2: { field: 'max' }, color, tooltip },
      },
      {
        mark: { type: 'tick', orient: 'horizontal', thickness: 2, size: 9, opacity: 1 },
        transform: [{ fold: ['min', 'max'], as: ['end', 'value'] }],
        encoding: { x, y: y('value'), color },
      },
      {
        mark: { type: 'line', strokeWidth: 1.75 },
        encoding: { x, y: y('mean'), color, order: { field: 'depth', type: 'quantitative' } },
      },
      {
        mark: { type: 'point', filled: true, size: 36, opacity: 1 },
        encoding: { x, y: y('mean'), color, tooltip },
      },
    ],
  } as TopLevelSpec;
}
