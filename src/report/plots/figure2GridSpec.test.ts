import { describe, expect, it } from 'vitest';
import { figure2GridSpec } from './figure2GridSpec.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const six = ['ZerO', 'MetaInit', 'GSM', 'orthogonal', 'Glorot-normal', 'He-normal'];
const layers = testFixtures().figure2;
const panels = six.map((initialiser, k) => ({ initialiser, layers: layers.map((l) => ({ ...l, q999: l.q999 * (k + 1) })) }));

describe('figure2GridSpec', () => {
  it('facets the six initialisers in the paper order on one shared log y scale from 1e-3', () => {
    const spec = figure2GridSpec({ panels, dataset }) as any;
    expect(spec.facet.sort).toEqual(['He-normal', 'Glorot-normal', 'orthogonal', 'GSM', 'MetaInit', 'ZerO']);
    expect(spec.columns).toBe(3);
    expect(spec.spec.encoding.y.scale.type).toBe('log');
    expect(spec.spec.encoding.y.scale.domain[0]).toBe(1e-3);
    expect(spec.resolve.scale.y).toBe('shared');
  });

  it('renders to an SVG naming every initialiser, the axes and the dataset, identically twice', async () => {
    const a = await renderSvg(figure2GridSpec({ panels, dataset }));
    expect(a.startsWith('<svg')).toBe(true);
    for (const name of six) expect(a).toContain(`>${name}<`);
    expect(a).toContain('Linear layer (0 = input, 100 = output)');
    expect(a).toContain('Variance of unit 0 (log)');
    expect(a).toContain(dataset);
    const b = await renderSvg(figure2GridSpec({ panels: [...panels].reverse(), dataset }));
    expect(b).toBe(a);
  });

  it('rejects bad inputs with the field named', () => {
    expect(() => figure2GridSpec({ panels: [], dataset })).toThrow(/panels must be a non-empty array/);
    expect(() => figure2GridSpec({ panels: [panels[0]!, panels[0]!], dataset })).toThrow(/panels\[1\]\.initialiser repeats/);
    const bad = panels.map((p, i) => (i === 2 ? { ...p, layers: p.layers.map((l, j) => (j === 4 ? { ...l, q90: Number.NaN } : l)) } : p));
    expect(() => figure2GridSpec({ panels: bad, dataset })).toThrow(/panels\[2\]\.layers\[4\]\.q90 must be a finite number/);
    expect(() => figure2GridSpec({ panels, dataset, columns: 0 })).toThrow(/columns/);
    expect(() => figure2GridSpec({ panels, dataset: '' })).toThrow(/dataset/);
  });
});
