import { describe, expect, it } from 'vitest';
import { figure3Spec, type Figure3Point } from './figure3Spec.ts';
import { figure3YDomain } from './internal/figure3YDomain.ts';
import { initialiserColours } from './internal/initialiserColours.ts';
import { axisMap, near, rasterise, saturated } from './internal/testRaster.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const points = testFixtures().figure3;

describe('figure3Spec', () => {
  it('plots min–max error bars with caps, a mean line and dots, coloured by initialiser in the paper order', () => {
    const spec = figure3Spec({ points, width: 10, dataset }) as any;
    const marks = spec.layer.map((l: { mark: { type: string } }) => l.mark.type);
    expect(marks).toEqual(['rule', 'text', 'rule', 'tick', 'line', 'point']);
    expect(spec.layer[2].encoding.y.field).toBe('min');
    expect(spec.layer[2].encoding.y2.field).toBe('max');
    expect(spec.layer[5].encoding.color.scale.domain).toEqual(['He-normal', 'ZerO']);
    expect(spec.title.text).toContain('Figure 3a');
    expect(figure3Spec({ points, width: 200, dataset }).title).toMatchObject({ text: expect.stringContaining('Figure 3b') });
  });

  it('renders to an SVG with the axis titles and the dataset label, identically for any input order', async () => {
    const a = await renderSvg(figure3Spec({ points, width: 10, dataset }));
    expect(a.startsWith('<svg')).toBe(true);
    expect(a).toContain('Depth (number of hidden ReLU layers)');
    expect(a).toContain('Test accuracy after 500 steps (fraction correct)');
    expect(a).toContain(dataset);
    const b = await renderSvg(figure3Spec({ points: [...points].reverse(), width: 10, dataset }));
    expect(b).toBe(a);
  });

  it('fits the y range to the data (chance included), in steps of 0.05 inside [0, 1]', () => {
    expect(figure3YDomain([{ min: 0.12, max: 0.39 }])).toEqual([0.05, 0.45]);
    expect(figure3YDomain([{ min: 0.5, max: 0.99 }])).toEqual([0.05, 1]);
    expect(figure3YDomain([{ min: 0, max: 0.2 }])).toEqual([0, 0.25]);
  });

  it('rejects bad inputs with the field named', () => {
    const at = (i: number, patch: Partial<Record<keyof Figure3Point, unknown>>) =>
      points.map((p, j) => (j === i ? ({ ...p, ...patch } as Figure3Point) : p));
    const call = (p: Figure3Point[]) => () => figure3Spec({ points: p, width: 10, dataset });
    expect(call([])).toThrow(/figure3Spec: points must be a non-empty array/);
    expect(call(at(2, { mean: Number.NaN }))).toThrow(/points\[2\]\.mean must be a finite number/);
    expect(call(at(2, { mean: 0.9 }))).toThrow(/points\[2\]\.mean must be <= /);
    expect(call(at(2, { min: -0.1 }))).toThrow(/points\[2\]\.min must be >= 0/);
    expect(call(at(2, { max: 0.1 }))).toThrow(/points\[2\]\.max must be >= /);
    expect(call(at(2, { depth: 1.5 }))).toThrow(/points\[2\]\.depth must be an integer/);
    expect(call(at(2, { depth: points[1]!.depth }))).toThrow(/points\[2\] repeats/);
    expect(call(at(2, { initialiser: '' }))).toThrow(/points\[2\]\.initialiser/);
    expect(() => figure3Spec({ points, width: 50 as 10, dataset })).toThrow(/width must be 10 or 200/);
  });

  describe('rendered to PNG (pixels where the data are)', () => {
    // One initialiser whose depth-50 cell spreads from 0.12 to 0.35; the rest tight, in 0.1–0.4.
    const he = initialiserColours(['He-normal'])[0]!;
    const spread: Figure3Point[] = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100].map((depth) =>
      depth === 50 ? { initialiser: 'He-normal', depth, mean: 0.2, min: 0.12, max: 0.35 } : { initialiser: 'He-normal', depth, mean: 0.15, min: 0.145, max: 0.155 },
    );
    const withZerO = [...spread, ...[0, 50, 100].map((depth) => ({ initialiser: 'ZerO', depth, mean: 0.38, min: 0.375, max: 0.39 }))];
    const labels = (r: Awaited<ReturnType<typeof rasterise>>) => r.boxes.filter((b) => b.role === 'axis-label' && b.text !== undefined && b.opacity !== 0);
    const axes = (r: Awaited<ReturnType<typeof rasterise>>) => {
      const all = labels(r);
      const yLabels = all.filter((b) => /^\d\.\d+$/.test(b.text!)).sort((a, b) => b.y1 - a.y1);
      const xLabels = all.filter((b) => /^\d+$/.test(b.text!)).sort((a, b) => a.x1 - b.x1);
      return { y: axisMap(yLabels, 'y'), x: axisMap(xLabels, 'x'), yLabels, xLabels };
    };

    it('shows the min–max spread of a cell: its colour covers the whole range 0.12–0.35 at depth 50', async () => {
      const r = await rasterise(figure3Spec({ points: spread, width: 10, dataset }));
      const { x, y } = axes(r);
      const cx = x(50);
      const top = y(0.35) + 4;
      const bottom = y(0.12) - 4;
      let covered = 0;
      let rows = 0;
      for (let py = Math.ceil(top); py <= Math.floor(bottom); py += 1) {
        rows += 1;
        if (r.count({ x1: cx - 24, y1: py, x2: cx + 24, y2: py }, near(he)) > 0) covered += 1;
      }
      expect(rows).toBeGreaterThan(40);
      // The old zero-width band left only the mean line here (a few rows near 0.2).
      expect(covered / rows).toBeGreaterThan(0.9);
    });

    it('fits the y axis to the data: 0.1–0.4 spans most of the plot, not a third of 0–1', async () => {
      const r = await rasterise(figure3Spec({ points: withZerO, width: 10, dataset }));
      const { y, yLabels } = axes(r);
      const full = Math.abs(y(Number(yLabels[0]!.text)) - y(Number(yLabels[yLabels.length - 1]!.text)));
      expect(Math.abs(y(0.1) - y(0.4)) / full).toBeGreaterThan(0.6);
    });

    it('draws the legend symbols opaque (their centre pixel is the initialiser colour, not a pale tint)', async () => {
      const r = await rasterise(figure3Spec({ points: withZerO, width: 10, dataset }));
      const symbols = r.boxes.filter((b) => b.role === 'legend-symbol');
      expect(symbols.length).toBe(2);
      for (const s of symbols) {
        const p = r.at((s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2);
        expect(saturated(p) || p[0] + p[1] + p[2] < 150).toBe(true);
      }
    });

    it('draws the chance line at 0.1 across the plot', async () => {
      const r = await rasterise(figure3Spec({ points: withZerO, width: 10, dataset }));
      const { x, y } = axes(r);
      const grey = near('#555555', 45);
      const py = y(0.1);
      const width = x(100) - x(0);
      const best = Math.max(...[-2, -1, 0, 1, 2].map((d) => r.count({ x1: x(0), y1: py + d, x2: x(100), y2: py + d }, grey)));
      expect(best / width).toBeGreaterThan(0.25);
    });
  });
});
