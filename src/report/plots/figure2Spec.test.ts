import { describe, expect, it } from 'vitest';
import { figure2Spec } from './figure2Spec.ts';
import { figure2Range } from './internal/figure2Panel.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const layers = testFixtures().figure2;

describe('figure2Spec', () => {
  it('uses a log y scale over whole decades with ticks 10ᵏ, one line per quantile and the 10⁻³ threshold', () => {
    const spec = figure2Spec({ layers, initialiser: 'He-normal', dataset }) as any;
    const line = spec.layer[1];
    expect(line.encoding.y.scale.type).toBe('log');
    const [lo, hi] = line.encoding.y.scale.domain;
    expect(Number.isInteger(Math.log10(lo)) && Number.isInteger(Math.log10(hi))).toBe(true);
    expect(line.encoding.y.axis.labelExpr).toContain("'10'");
    expect(line.encoding.color.field).toBe('quantile');
    expect(new Set(line.data.values.map((r: { quantile: string }) => r.quantile))).toEqual(new Set(['0.9', '0.99', '0.999']));
    expect(spec.layer[0].data.values).toEqual([{ threshold: 1e-3 }]);
  });

  it('does not draw values below the floor as a line on it: they break the line and are counted in the caption', () => {
    const spec = figure2Spec({ layers, initialiser: 'He-normal', dataset }) as any;
    const rows: { variance: number; plotted: number | null; below: number | null; quantile: string }[] = spec.layer[1].data.values;
    const floor = spec.layer[1].encoding.y.scale.domain[0];
    const under = rows.filter((r) => r.variance < floor);
    expect(under.length).toBeGreaterThan(0);
    for (const r of under) expect(r.plotted).toBeNull();
    for (const r of rows.filter((x) => x.variance >= floor)) expect(r.plotted).toBe(r.variance);
    // one ▼ per quantile, at the first layer below the floor (the fixture never comes back up)
    expect(spec.layer[2].data.values.map((r: { quantile: string }) => r.quantile).sort()).toEqual(['0.9', '0.99', '0.999']);
    expect(spec.title.subtitle.join(' ')).toContain(`(${under.length} of ${rows.length} plotted values)`);
  });

  it('fits each panel’s range to its data, keeping 10⁻³ and a decade below it inside', () => {
    expect(figure2Range([{ variance: 0.02 }, { variance: 300 }])).toEqual({ floor: 1e-4, top: 1e3 });
    expect(figure2Range([{ variance: 1e-40 }, { variance: 3e27 }])).toEqual({ floor: 1e-12, top: 1e28 });
    expect(figure2Range([{ variance: 0 }, { variance: 0.5 }])).toEqual({ floor: 1e-4, top: 10 });
  });

  it('accepts exact zeros (below the floor) and renders an SVG with axis titles and dataset label', async () => {
    const withZero = layers.map((l) => (l.layer === 100 ? { ...l, q90: 0, q99: 0 } : l));
    const svg = await renderSvg(figure2Spec({ layers: withZero, initialiser: 'ZerO', dataset }));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Linear layer index (0 = input layer, 100 = output layer)');
    expect(svg).toContain('Empirical variance of unit 0');
    expect(svg).toContain(dataset);
    expect(svg).toContain('▼: below 10⁻');
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
