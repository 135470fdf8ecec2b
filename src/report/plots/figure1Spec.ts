import { initialiserColourEncoding } from './internal/initialiserColourEncoding.ts';
import type { TopLevelSpec } from 'vega-lite';
import { requireLabel } from './internal/requireLabel.ts';
import { requireNumber } from './internal/requireNumber.ts';
import { powerOfTenAxis } from './internal/powerOfTenAxis.ts';
import { superscriptPower } from './internal/superscriptPower.ts';

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
  /** The claim's kurtosis threshold, drawn as a vertical line (default 10³: "κ ≥ 10³ cannot be trained"). */
  threshold?: number;
  /** Chance accuracy, drawn as a horizontal line (default 0.1: ten balanced classes). */
  chance?: number;
}

/** Point shapes per initialiser, so the three He laws differ in shape as well as colour. */
const SHAPES = ['triangle-up', 'square', 'circle'];

/**
 * Figure 1 of the paper as a vega-lite spec: test accuracy after 500 training steps (y, linear,
 * from 0 to the first tenth at least 0.02 above the best run) against the theoretical output kurtosis at initialisation (x, LOG scale over whole
 * decades, ticks labelled 10⁰, 10³, …; raw kurtosis, 3 for a Gaussian), coloured and shaped by
 * initialiser, with a dashed line at chance accuracy (0.1) and one at the claim's threshold
 * κ = 10³ (the axis always reaches it). Runs with `status: 'diverged'` have no accuracy: when
 * there are any, they are drawn as × in a separate strip under the main panel (sharing its x
 * axis), one row per initialiser, so a diverged run is never read as accuracy 0.1 (chance) or 0;
 * when none diverged the strip is left out and the caption says so. Rows are sorted by
 * (initialiser, width, depth) so the same runs in any order give the same spec.
 *
 * @throws TypeError / RangeError naming the field (e.g. `points[4].kurtosis`) for empty
 *   `points`, unknown initialiser or status, non-positive or non-finite kurtosis, accuracy
 *   outside [0, 1] or missing on an `'ok'` run, non-integer width/depth, duplicate runs, an
 *   empty `dataset` / `kurtosisSource`, or a threshold / chance that is not positive and finite.
 * @example
 * const spec = figure1Spec({ dataset: 'MNIST', kurtosisSource: 'Prop. 3',
 *   points: [{ kurtosis: 4.2, accuracy: 0.91, status: 'ok', initialiser: 'he-normal', width: 50, depth: 5 }] });
 * spec.layer[0].encoding.x.scale; // { type: 'log', domain: [1, 1000] } — no diverged run, no strip
 */
export function figure1Spec(options: Figure1SpecOptions): TopLevelSpec {
  const api = 'figure1Spec';
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  const kurtosisSource = requireLabel({ value: options.kurtosisSource, field: 'kurtosisSource', api });
  const threshold = requireNumber({ value: options.threshold ?? 1e3, field: 'threshold', api, positive: true });
  const chance = requireNumber({ value: options.chance ?? 0.1, field: 'chance', api, positive: true, max: 1 });
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
  const steps = options.steps ?? 500;

  const domain = Object.values(FIGURE1_INITIALISERS);
  const color = initialiserColourEncoding(domain);
  const shape = { field: 'initialiser', type: 'nominal' as const, title: 'Initialiser', scale: { domain, range: SHAPES }, sort: domain };
  const kurtoses = values.map((r) => r.kurtosis);
  const thresholdExponent = Math.log10(threshold);
  const log = powerOfTenAxis({ min: Math.min(...kurtoses), max: Math.max(...kurtoses), maxTicks: 10, include: [Math.floor(thresholdExponent), Math.ceil(thresholdExponent)] });
  const xTitle = 'Theoretical output kurtosis at initialisation (raw, dimensionless; log scale)';
  const x = (title: string | null, labels = true) => ({
    field: 'kurtosis',
    type: 'quantitative' as const,
    scale: { type: 'log' as const, domain: log.domain },
    axis: { ...log.axis, labels, title },
  });
  const yTitle = `Test accuracy after ${steps} steps (fraction correct)`;
  // From 0 (chance in context) to the tenth above the best run plus a margin, so CIFAR-10's 0.1–0.35 is not flattened into a 0–1 axis.
  const best = Math.max(chance, ...values.map((r) => r.accuracy ?? 0));
  const yTop = Math.min(1, Math.ceil(Math.round((best + 0.02) * 1e9) / 1e8) / 10);
  const width = 640;
  const thresholdLabel = Number.isInteger(thresholdExponent) ? `κ = ${superscriptPower(thresholdExponent)}` : `κ = ${threshold}`;
  const main = {
    width,
    height: 380,
    layer: [
      {
        data: { values: [{ chance, label: `chance (${chance})` }] },
        layer: [
          { mark: { type: 'rule', color: '#555555', strokeDash: [5, 4], strokeWidth: 1.25 }, encoding: { y: { field: 'chance', type: 'quantitative' } } },
          { mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -4, dy: -3, color: '#555555', fontSize: 11, x: width }, encoding: { y: { field: 'chance', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
      {
        data: { values: [{ threshold, label: `claim threshold ${thresholdLabel}` }] },
        layer: [
          { mark: { type: 'rule', color: '#555555', strokeDash: [2, 3], strokeWidth: 1.5 }, encoding: { x: { field: 'threshold', type: 'quantitative' } } },
          { mark: { type: 'text', align: 'left', baseline: 'top', dx: 4, dy: 4, color: '#555555', fontSize: 11, y: 0 }, encoding: { x: { field: 'threshold', type: 'quantitative' }, text: { field: 'label' } } },
        ],
      },
      {
        transform: [{ filter: "datum.status === 'ok'" }],
        mark: { type: 'point', filled: true, opacity: 0.85, size: 48 },
        encoding: {
          x: x(nDiverged === 0 ? xTitle : null, nDiverged === 0),
          y: { field: 'accuracy', type: 'quantitative', scale: { domain: [0, yTop] }, title: yTitle, axis: { values: Array.from({ length: Math.round(yTop * 10) + 1 }, (_, i) => i / 10), format: '.1f' } },
          color,
          shape,
        },
      },
    ],
  };
  const strip = {
    width,
    height: 54,
    transform: [{ filter: "datum.status === 'diverged'" }],
    mark: { type: 'point', shape: 'M-1,-1L1,1M-1,1L1,-1', filled: false, strokeWidth: 1.5, size: 50 },
    encoding: {
      x: x(xTitle),
      y: { field: 'initialiser', type: 'nominal', scale: { domain }, sort: domain, title: 'Diverged (×)' },
      color,
    },
  };
  const title = {
    text: `Figure 1 — Test accuracy vs output kurtosis, ${dataset}`,
    subtitle: [
      `Dataset: ${dataset}. Test accuracy after ${steps} Adam steps against the output kurtosis`,
      `at initialisation (${kurtosisSource}).`,
      nDiverged === 0
        ? `${values.length} runs, none diverged. Dashed: chance accuracy and the claim's threshold ${thresholdLabel}.`
        : `${values.length - nDiverged} trained runs as marks; ${nDiverged} diverged runs as × in the lower strip (no accuracy plotted).`,
    ],
    anchor: 'start' as const,
  };
  const top = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', title, data: { values } };
  return (nDiverged === 0 ? { ...top, ...main } : { ...top, resolve: { scale: { x: 'shared', color: 'shared' } }, vconcat: [main, strip] }) as TopLevelSpec;
}
