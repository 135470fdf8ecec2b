import { describe, expect, it } from 'vitest';
import { figure2PredictionSpec, type Figure2PredictionPlotLayer } from './figure2PredictionSpec.ts';
import { renderSvg } from './renderSvg.ts';

// Measured quantiles decaying geometrically; the prediction flat, then collapsing far below the floor (as Section 5's law does).
const layers: Figure2PredictionPlotLayer[] = Array.from({ length: 11 }, (_, l) => ({
  layer: l * 10,
  measured: [3 * 10 ** (-0.8 * l), 8 * 10 ** (-0.4 * l), 12 * 10 ** (-0.2 * l)] as const,
  predictedLog10: (l < 4 ? [0.5, 0.5, 0.5] : [-(10 ** l), -(10 ** (l - 1)), -(10 ** (l - 2))]) as [number, number, number],
}));

describe('figure2PredictionSpec', () => {
  it('draws measured (solid) and predicted (dashed) per quantile on one log axis; predictions below the floor break the line and get one ▼ each', () => {
    const spec = figure2PredictionSpec({ layers, initialiser: 'He-normal', dataset: 'CIFAR-10' }) as any;
    const rows: { source: string; value: number | null; below: number | null; quantile: string; layer: number }[] = spec.data.values;
    const line = spec.layer[0];
    expect(line.encoding.y.scale.type).toBe('log');
    const floor = line.encoding.y.scale.domain[0];
    expect(floor).toBe(1e-10); // two decades below the decade of the smallest measured value (3e-8 → 1e-8 → 1e-10)
    const predicted = rows.filter((r) => r.source !== 'measured');
    const under = predicted.filter((r) => r.value === null);
    expect(under.length).toBeGreaterThan(0);
    for (const r of rows.filter((x) => x.source === 'measured')) expect(r.value).not.toBeNull();
    expect(rows.filter((r) => r.below !== null).map((r) => r.quantile).sort()).toEqual(['0.9', '0.99', '0.999']);
    expect(spec.title.subtitle.join(' ')).toContain(`(${under.length} of 33;`);
    expect(line.encoding.strokeDash.scale.domain).toEqual(['measured', 'predicted (Gamma law)']);
  });

  it('renders to SVG, the floor labelled 10⁻¹⁰', async () => {
    const svg = await renderSvg(figure2PredictionSpec({ layers, initialiser: 'He-normal', dataset: 'CIFAR-10' }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('10⁻¹⁰');
  }, 60_000);

  it('rejects bad input naming the field', () => {
    expect(() => figure2PredictionSpec({ layers: [], initialiser: 'He', dataset: 'C' })).toThrow(/layers must not be empty/);
    expect(() => figure2PredictionSpec({ layers: [{ layer: 0, measured: [0, 1, 2], predictedLog10: [0, 0, 0] }], initialiser: 'He', dataset: 'C' })).toThrow(/layers\[0\]\.measured\[0\]/);
    expect(() => figure2PredictionSpec({ layers: [{ layer: 0, measured: [1, 1, 2], predictedLog10: [Number.NaN, 0, 0] }], initialiser: 'He', dataset: 'C' })).toThrow(/predictedLog10\[0\] is NaN/);
    expect(() => figure2PredictionSpec({ layers: [layers[0]!, layers[0]!], initialiser: 'He', dataset: 'C' })).toThrow(/distinct integer/);
  });
});
