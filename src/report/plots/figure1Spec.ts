import { initialiserColourEncoding } from './internal/initialiserColourEncoding.ts';
import type { TopLevelSpec } from 'vega-lite';
import { requireLabel } from './internal/requireLabel.ts';
import { requireNumber } from './internal/requireNumber.ts';

/** The three He variants of Figure 1, in plotting order, with their display names. */
const FIGURE1_INITIALISERS = { 'he-bernoulli': 'He-Bernoulli', 'he-uniform': 'He-uniform', 'he-normal': 'He-normal' } as const;

/** One training run of Figure 1. */
export interface Figure1Point {
  /** Theoretical output kurtosis at initialisation (raw, not excess; > 0, log axis). */
  kurtosis: number;
  /** Test accuracy in [0, 1] after 500 steps; `null` (or ignored) when the run diverged. */
  accuracy: number | null;
  /** `'diverged'`: non-finite loss; plotted in a separate strip, never as an accuracy. */
  status: 'ok' | 'diverged';
  /** Weight distribution of the He initialisation. */
  initialiser: keyof typeof FIGURE1_INITIALISERS;
  /** Network width (positive integer). */
  width: number;
  /** Network depth (non-negative integer). */
  depth: number;
}

/** Options for `figure1Spec`. */
export interface Figure1SpecOptions {
  /** One entry per run; at least one. Order does not matter (rows are sorted). */
  points: readonly Figure1Point[];
  /** Dataset display label, printed in title and caption, e.g. `'CIFAR-10 (JPEG-q75 stand-in)'`. */
  dataset: string;
  /** Where the kurtosis values come from, printed in the caption, e.g. `'Prop. 3 recursion, code κ0, c0'`. */
  kurtosisSource: string;
  /** Adam steps each run trained for, printed in the titles (default 500, the paper's). */
  steps?: number;
}

/**
 * Figure 1 of the paper as a vega-lite spec: test accuracy after 500 training steps (y, linear,
 * 0–1) against the theoretical output kurtosis at initialisation (x, LOG scale; raw kurtosis,
 * 3 for a Gaussian), coloured by initialiser. Runs with `status: 'diverged'` have no accuracy:
 * they are drawn as × in a separate strip under the main panel (sharing its x axis), one row per
 * initialiser, so a diverged run is never read as accuracy 0.1 (chance) or 0. Rows are sorted by
 * (initialiser, width, depth) so the same runs in any order give the same spec.
 *
 * @throws TypeError / RangeError naming the field (e.g. `points[4].kurtosis`) for empty
 *   `points`, unknown initialiser or status, non-positive or non-finite kurtosis, accuracy
 *   outside [0, 1] or missing on an `'ok'` run, non-integer width/depth, duplicate runs, or an
 *   empty `dataset` / `kurtosisSource`.
 * @example
 * const spec = figure1Spec({ dataset: 'MNIST', kurtosisSource: 'Prop. 3',
 *   points: [{ kurtosis: 4.2, accuracy: 0.91, status: 'ok', initialiser: 'he-normal', width: 50, depth: 5 }] });
 * spec.vconcat[0].encoding.x.scale.type; // 'log'
 */
export function figure1Spec(options: Figure1SpecOptions): TopLevelSpec {
  const api = 'figure1Spec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  const kurtosisSource = requireLabel({ value: options.kurtosisSource, field: 'kurtosisSource', api });
  if (!Array.isArray(options.points) || options.points.length === 0) {
    throw new RangeError(`${api}: points must be a non-empty array, got ${Array.isArray(options.points) ? 'an empty array' : String(options.points)}`);
  }
  const keys = Object.keys(FIGURE1_INITIALISERS);
  const seen = new Set<string>();
  const rows = options.points.map((p, i) => {
    const at = `points[${i}]`;
    if (!keys.includes(p.initialiser)) {
      throw new RangeError(`${api}: ${at}.initialiser must be one of ${keys.join(', ')}, got ${JSON.stringify(p.initialiser)}`);
    }
    if (p.status !== 'ok' && p.status !== 'diverged') {
      throw new RangeError(`${api}: ${at}.status must be 'ok' or 'diverged', got ${JSON.stringify(p.status)}`);
    }
    const kurtosis = requireNumber({ value: p.kurtosis, field: `${at}.kurtosis`, api, positive: true });
    const width = requireNumber({ value: p.width, field: `${at}.width`, api, integer: true, min: 1 });
    const depth = requireNumber({ value: p.depth, field: `${at}.depth`, api, integer: true, min: 0 });
    const accuracy = p.status === 'ok' ? requireNumber({ value: p.accuracy, field: `${at}.accuracy`, api, min: 0, max: 1 }) : null;
    const key = `${p.initialiser}/${width}/${depth}`;
    if (seen.has(key)) throw new RangeError(`${api}: ${at} duplicates an earlier run (initialiser, width, depth) = (${p.initialiser}, ${width}, ${depth})`);
    seen.add(key);
    return { order: keys.indexOf(p.initialiser), initialiser: FIGURE1_INITIALISERS[p.initialiser as Figure1Point['initialiser']], status: p.status, kurtosis, accuracy, width, depth };
  });
  rows.sort((a, b) => a.order - b.order || a.width - b.width || a.depth - b.depth);
  const values = rows.map(({ order: _order, ...row }) => row);
  const nDiverged = values.filter((r) => r.status === 'diverged').length;

  const domain = Object.values(FIGURE1_INITIALISERS);
  const color = initialiserColourEncoding(domain);
  const xTitle = 'Theoretical output kurtosis at initialisation (raw, dimensionless; log scale)';
  const x = (title: string | null) => ({
    field: 'kurtosis',
    type: 'quantitative' as const,
    scale: { type: 'log' as const },
    title,
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: `Figure 1 — Test accuracy vs output kurtosis, ${dataset}`,
      subtitle: [
        `Dataset: ${dataset}. Test accuracy after ${options.steps ?? 500} Adam steps against the theoretical output kurtosis at initialisation (${kurtosisSource}).`,
        `${values.length - nDiverged} trained runs as dots; ${nDiverged} diverged runs drawn as × in the lower strip (no accuracy is plotted for them).`,
      ],
      anchor: 'start',
    },
    data: { values },
    resolve: { scale: { x: 'shared', color: 'shared' } },
    vconcat: [
      {
        width: 520,
        height: 320,
        transform: [{ filter: "datum.status === 'ok'" }],
        mark: { type: 'point', filled: true, opacity: 0.75, size: 40 },
        encoding: {
          x: x(null),
          y: { field: 'accuracy', type: 'quantitative', scale: { domain: [0, 1] }, title: `Test accuracy after ${options.steps ?? 500} steps (fraction correct)` },
          color,
        },
      },
      {
        width: 520,
        height: 54,
        transform: [{ filter: "datum.status === 'diverged'" }],
        mark: { type: 'point', shape: 'M-1,-1L1,1M-1,1L1,-1', filled: false, strokeWidth: 1.5, size: 50 },
        encoding: {
          x: x(xTitle),
          y: { field: 'initialiser', type: 'nominal', scale: { domain }, sort: domain, title: 'Diverged (×)' },
          color,
        },
      },
    ],
  } as TopLevelSpec;
}
