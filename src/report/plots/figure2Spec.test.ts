import { describe, expect, it } from 'vitest';
import { figure2Spec } from './figure2Spec.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const layers = testFixtures().figure2;

describe('figure2Spec', () => {
  it('uses a log y scale with bottom 1e-3 and one line per quantile', () => {
    const spec = figure2Spec({ layers, initialiser: 'He-normal', dataset }) as any;
    expect(spec.encoding.y.scale.type).toBe('log');
    expect(spec.encoding.y.scale.domain[0]).toBe(1e-3);
    expect(spec.encoding.color.field).toBe('quantile');
    expect(new Set(spec.data.values.map((r: { quantile: string }) => r.quantile))).toEqual(new Set(['0.9', '0.99', '0.999']));
  });

  it('clips values below 1e-3 to the axis and says so in the caption', () => {
    const spec = figure2Spec({ layers, initialiser: 'He-normal', dataset }) as any;
    const rows: { variance: number; plotted: number; clipped: boolean }[] = spec.data.values;
    const clipped = rows.filter((r) => r.variance < 1e-3);
    expect(clipped.length).toBeGreaterThan(0);
    for (const r of clipped) expect([r.plotted, r.clipped]).toEqual([1e-3, true]);
    for (const r of rows.filter((x) => x.variance >= 1e-3)) expect([r.plotted, r.clipped]).toEqual([r.variance, false]);
    expect(spec.title.subtitle.join(' ')).toContain(`clipped to the axis (${clipped.length} of ${rows.length}`);
  });

  it('accepts exact zeros (clipped) and renders an SVG with axis titles and dataset label', async () => {
    const withZero = layers.map((l) => (l.layer === 100 ? { ...l, q90: 0, q99: 0 } : l));
    const svg = await renderSvg(figure2Spec({ layers: withZero, initialiser: 'ZerO', dataset }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Linear layer index (0 = input layer, 100 = output layer)');
    expect(svg).toContain('Empirical variance of unit 0');
    expect(svg).toContain(dataset);
    expect(svg).toContain('clipped to the axis');
  });

  it('gives byte-identical SVG for the same layers in any order', async () => {
    const a = await renderSvg(figure2Spec({ layers, initialiser: 'GSM', dataset }));
    const b = await renderSvg(figure2Spec({ layers: [...layers].reverse(), initialiser: 'GSM', dataset }));
    expect(b).toBe(a);
  });

  it('rejects bad inputs with the field named', () => {
    const at = (i: number, patch: object) => layers.map((l, j) => (j === i ? { ...l, ...patch } : l));
    const call = (l: typeof layers) => () => figure2Spec({ layers: l, initialiser: 'He-normal', dataset });
    expect(call([])).toThrow(/figure2Spec: layers must be a non-empty array/);
    expect(call(at(7, { q99: Number.NaN }))).toThrow(/layers\[7\]\.q99 must be a finite number/);
    expect(call(at(7, { q90: -1 }))).toThrow(/layers\[7\]\.q90 must be >= 0/);
    expect(call(at(7, { q999: Number.POSITIVE_INFINITY }))).toThrow(/layers\[7\]\.q999/);
    expect(call(at(7, { q999: 0 }))).toThrow(/layers\[7\]\.q999 must be >= /);
    expect(call(at(7, { layer: 6 }))).toThrow(/layers\[7\]\.layer repeats/);
    expect(call(at(7, { layer: 6.5 }))).toThrow(/layers\[7\]\.layer must be an integer/);
    expect(() => figure2Spec({ layers, initialiser: '', dataset })).toThrow(/initialiser/);
    expect(() => figure2Spec({ layers, initialiser: 'GSM', dataset: '' })).toThrow(/dataset/);
  });
});
