import { describe, expect, it } from 'vitest';
import { figure2GridSpec } from './figure2GridSpec.ts';
import type { Figure2Layer } from './internal/figure2Rows.ts';
import { rasterise, saturated, type PixelBox, type Raster } from './internal/testRaster.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const six = ['ZerO', 'MetaInit', 'GSM', 'orthogonal', 'Glorot-normal', 'He-normal'];
const layers = testFixtures().figure2;
const panels = six.map((initialiser, k) => ({ initialiser, layers: layers.map((l) => ({ ...l, q999: l.q999 * (k + 1) })) }));

/** Synthetic panels like the real figure: He decays slowly within 10⁻⁴…10², MetaInit climbs to 10²⁸, Glorot drops to 0. */
const realistic = (names: readonly string[]) =>
  names.map((initialiser) => ({
    initialiser,
    layers: Array.from({ length: 101 }, (_, layer): Figure2Layer => {
      if (initialiser === 'MetaInit') {
        const v = 10 ** (28 * Math.sin((Math.PI * layer) / 100));
        return { layer, q90: v, q99: 3 * v, q999: 10 * v };
      }
      if (initialiser === 'Glorot-normal') {
        const v = layer >= 40 ? 0 : 5 * 0.4 ** layer;
        return { layer, q90: v, q99: 2 * v, q999: 4 * v };
      }
      const v = 3 * 10 ** (-layer / 25);
      return { layer, q90: v, q99: 10 * v, q999: 100 * v };
    }),
  }));

/** The plot rectangle of every panel that has data (a vega group item with a y axis inside). */
const panelRects = (r: Raster): NonNullable<PixelBox['rect']>[] =>
  r.boxes.filter((b) => b.marktype === 'group' && b.rect !== undefined && /^(concat_\d+_group|cell)$/.test(b.name ?? '')).map((b) => b.rect!);

describe('figure2GridSpec', () => {
  it('lays out the six initialisers in the paper order, each on its own log y scale', () => {
    const spec = figure2GridSpec({ panels, dataset }) as any;
    expect(spec.concat.map((p: any) => p.title.text)).toEqual(['He-normal', 'Glorot-normal', 'orthogonal', 'GSM', 'MetaInit', 'ZerO']);
    expect(spec.columns).toBe(3);
    expect(spec.resolve.scale.y).toBe('independent');
    for (const p of spec.concat) expect(p.layer[1].encoding.y.scale.type).toBe('log');
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

  describe('rendered to PNG', () => {
    it('makes every initialiser readable: each panel’s lines span most of its height, even beside MetaInit’s 10²⁸', async () => {
      const r = await rasterise(figure2GridSpec({ panels: realistic(['He-normal', 'GSM', 'MetaInit']), dataset }));
      const rects = panelRects(r);
      expect(rects.length).toBeGreaterThanOrEqual(3);
      let withData = 0;
      for (const rect of rects) {
        let top = Infinity;
        let bottom = -Infinity;
        for (let y = Math.ceil(rect.y1); y <= Math.floor(rect.y2); y += 1) {
          if (r.count({ x1: rect.x1 + 2, y1: y, x2: rect.x2 - 2, y2: y }, saturated) > 0) {
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
        }
        if (bottom < top) continue; // a not-run panel
        withData += 1;
        // He and GSM's data cover 6 of ~10 decades of their own axis; on the old shared 10⁻³…10²⁸ axis, 5 of 31.
        expect((bottom - top) / (rect.y2 - rect.y1)).toBeGreaterThan(0.45);
      }
      expect(withData).toBe(3);
    });

    it('says which initialisers were not run instead of leaving an empty axis', async () => {
      const r = await rasterise(figure2GridSpec({ panels: realistic(['He-normal', 'Glorot-normal', 'orthogonal', 'GSM', 'ZerO']), dataset }));
      expect(r.svg).toContain('MetaInit (not run)');
      expect(r.svg).toContain('Not run for this report: MetaInit.');
      const texts = r.boxes.filter((b) => b.marktype === 'text' && b.text === 'MetaInit was not run for this report');
      expect(texts.length).toBe(1);
      // no axis labels in the not-run panel
      const panel = r.boxes.find((b) => b.name === 'concat_4_group')!.rect!;
      const labelsInside = r.boxes.filter((b) => b.role === 'axis-label' && b.x1 >= panel.x1 && b.x2 <= panel.x2 && b.y1 >= panel.y1 && b.y2 <= panel.y2);
      expect(labelsInside).toEqual([]);
    });

    it('marks values below a panel’s floor instead of drawing them as a plateau on it', async () => {
      // Glorot: all three quantiles near 1 up to layer 39, exactly 0 from layer 40 on.
      const step = Array.from({ length: 101 }, (_, layer): Figure2Layer => (layer < 40 ? { layer, q90: 0.5, q99: 1, q999: 2 } : { layer, q90: 0, q99: 0, q999: 0 }));
      const r = await rasterise(figure2GridSpec({ panels: [...realistic(['He-normal']), { initialiser: 'Glorot-normal', layers: step }], dataset }));
      const glorot = panelRects(r)[1]!;
      const x = (layer: number) => glorot.x1 + ((glorot.x2 - glorot.x1) * layer) / 100;
      // Layers 45–100 are 0: nothing may be drawn along the floor there (the old code drew a line).
      const strip = { x1: x(45), y1: glorot.y2 - 8, x2: x(100) - 2, y2: glorot.y2 - 1 };
      expect(r.count(strip, saturated) / ((strip.x2 - strip.x1) * (strip.y2 - strip.y1))).toBeLessThan(0.02);
      // …and the first layer below the floor (40) carries a ▼ on it, where no line runs.
      const marker = { x1: x(40) - 10, y1: glorot.y2 - 24, x2: x(40) + 10, y2: glorot.y2 - 1 };
      expect(r.count(marker, saturated)).toBeGreaterThan(40);
      expect(r.svg).toContain('▼ 183 of 303 values below 10⁻⁴');
    });

    it('shows the legend title whole', async () => {
      const r = await rasterise(figure2GridSpec({ panels: realistic(['He-normal', 'MetaInit']), dataset }));
      expect(r.svg).toContain('>Quantile over networks<');
      expect(r.svg).not.toContain('Quantile over netwo…');
    });

    it('labels every y axis with powers of ten', async () => {
      const r = await rasterise(figure2GridSpec({ panels: realistic(['He-normal', 'MetaInit']), dataset }));
      const yLabels = r.boxes.filter((b) => b.role === 'axis-label' && b.text !== undefined && !/^\d+$/.test(b.text));
      expect(yLabels.length).toBeGreaterThanOrEqual(4);
      for (const b of yLabels) expect(b.text).toMatch(/^10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    });
  });
});
