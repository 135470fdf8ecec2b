import type { TopLevelSpec } from 'vega-lite';
import { decade, powerOfTenAxis } from './internal/powerOfTenAxis.ts';
import { requireLabel } from './internal/requireLabel.ts';

/** One layer of `figure2PredictionSpec`: measured and predicted quantiles (log10 of the predicted ones, finite even where they underflow). */
export interface Figure2PredictionPlotLayer {
  readonly layer: number;
  readonly measured: readonly [number, number, number];
  readonly predictedLog10: readonly [number, number, number];
}

const QUANTILES = ['0.9', '0.99', '0.999'];
const COLOURS = ['#0072b2', '#d55e00', '#009e73'];

/**
 * Predicted (Section 5's Gamma law, dashed) against measured (solid) q0.9 / q0.99 / q0.999 of the
 * empirical variance over networks, per layer, on one LOG y axis (ticks 10ᵏ) from the decade two
 * below the smallest measured value (no lower than 10⁻¹²) to the decade above the largest value.
 * A predicted value below that floor (the law predicts values down to 10⁻¹⁰⁰⁰ and below, 0 in
 * floating point) stops its line, and a ▼ on the floor marks the first layer of each run below it;
 * the subtitle names the deepest predicted decade.
 *
 * @throws RangeError naming the field for an empty `layers`, a repeated or non-integer layer, a
 *   measured value that is not a positive finite number, or a NaN log10; TypeError for empty labels.
 * @example figure2PredictionSpec({ initialiser: 'He-normal', dataset: 'CIFAR-10', layers: [{ layer: 0, measured: [4.8, 8.3, 12], predictedLog10: [0.49, 0.50, 0.50] }] })
 */
export function figure2PredictionSpec(options: { layers: readonly Figure2PredictionPlotLayer[]; initialiser: string; dataset: string; note?: string }): TopLevelSpec {
  const api = 'figure2PredictionSpec';
  const initialiser = requireLabel({ value: options.initialiser, field: 'initialiser', api });
  const dataset = requireLabel({ value: options.dataset, field: 'dataset', api });
  if (options.layers.length === 0) throw new RangeError(`${api}: layers must not be empty`);
  const seen = new Set<number>();
  for (const [i, l] of options.layers.entries()) {
    if (!Number.isInteger(l.layer) || seen.has(l.layer)) throw new RangeError(`${api}: layers[${i}].layer must be a distinct integer, got ${String(l.layer)}`);
    seen.add(l.layer);
    l.measured.forEach((v, j) => {
      if (!(v > 0) || !Number.isFinite(v)) throw new RangeError(`${api}: layers[${i}].measured[${j}] must be a positive finite number, got ${String(v)}`);
    });
    l.predictedLog10.forEach((v, j) => {
      if (Number.isNaN(v)) throw new RangeError(`${api}: layers[${i}].predictedLog10[${j}] is NaN`);
    });
  }
  const layers = [...options.layers].sort((a, b) => a.layer - b.layer);
  const measuredMin = Math.min(...layers.flatMap((l) => l.measured));
  const top = Math.max(...layers.flatMap((l) => [...l.measured.map(Math.log10), ...l.predictedLog10.filter(Number.isFinite)]));
  const axis = powerOfTenAxis({ min: decade(Math.max(-12, Math.floor(Math.log10(measuredMin) + 1e-9) - 2)), max: decade(Math.ceil(top - 1e-9)), maxTicks: 9 });
  const floor = axis.domain[0];
  const floorLog = Math.log10(floor);
  const rows: { layer: number; quantile: string; source: string; value: number | null; below: number | null }[] = [];
  let deepest = Infinity;
  let belowCount = 0;
  for (const [j, quantile] of QUANTILES.entries()) {
    let wasBelow = false;
    for (const l of layers) {
      rows.push({ layer: l.layer, quantile, source: 'measured', value: l.measured[j]!, below: null });
      const lg = l.predictedLog10[j]!;
      deepest = Math.min(deepest, lg);
      const isBelow = lg < floorLog;
      if (isBelow) belowCount++;
      rows.push({ layer: l.layer, quantile, source: 'predicted (Gamma law)', value: isBelow ? null : 10 ** lg, below: isBelow && !wasBelow ? floor : null });
      wasBelow = isBelow;
    }
  }
  const y = (field: string) => ({ field, type: 'quantitative' as const, scale: { type: 'log' as const, domain: axis.domain }, axis: { ...axis.axis, title: 'Empirical variance of unit 0 (log scale)' } });
  const x = { field: 'layer', type: 'quantitative' as const, title: 'Linear layer index (0 = input layer)', scale: { nice: false } };
  const color = { field: 'quantile', type: 'nominal' as const, title: 'Quantile', scale: { domain: QUANTILES, range: COLOURS }, legend: { symbolType: 'stroke', symbolSize: 300, symbolStrokeWidth: 2 } };
  const deepestText = !Number.isFinite(deepest) ? 'an infinitely small value' : Math.abs(deepest) < 1e4 ? `10^${Math.round(deepest)}` : `10^(${deepest.toPrecision(3).replace('-', '−')})`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: [`Figure 2: Section 5's Gamma law vs measured, ${initialiser}`, dataset],
      subtitle: [
        "Quantiles over networks of the empirical variance of each layer's unit 0.",
        "Dashed: S²/σ² ~ Gamma(DF_n/2, 2/DF_n), κ_l from Proposition 3.",
        `▼: predicted below the floor (${belowCount} of ${layers.length * 3}; the deepest is ${deepestText}).`,
        ...(options.note !== undefined ? [options.note] : []),
      ],
      anchor: 'start',
    },
    width: 560,
    height: 340,
    data: { values: rows },
    layer: [
      {
        mark: { type: 'line', strokeWidth: 1.75, invalid: 'break-paths-show-domains' },
        encoding: {
          x,
          y: y('value'),
          color,
          strokeDash: { field: 'source', type: 'nominal', title: 'Source', scale: { domain: ['measured', 'predicted (Gamma law)'], range: [[1, 0], [6, 3]] }, legend: { symbolType: 'stroke', symbolSize: 400, labelLimit: 300 } },
        },
      },
      {
        mark: { type: 'point', shape: 'triangle-down', filled: true, size: 70 },
        encoding: { x, y: y('below'), color },
      },
    ],
  } as TopLevelSpec;
}
