import { describe, expect, it } from 'vitest';
import { figure1Spec, type Figure1Point } from './figure1Spec.ts';
import { axisMap, labelValue, near, rasterise } from './internal/testRaster.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const base = (): { points: Figure1Point[]; dataset: string; kurtosisSource: string } => ({
  points: testFixtures().figure1,
  dataset,
  kurtosisSource: 'Prop. 3 recursion from the code’s κ0, c0',
});

/** The `<path>` elements inside the symbol-mark group whose class ends in `<view>_marks`. */
function symbolPaths(svg: string, view: string): string[] {
  const group = svg.match(new RegExp(`<g class="mark-symbol role-mark ${view}_marks"[^>]*>(.*?)</g>`));
  return group ? [...group[1]!.matchAll(/<path [^>]*>/g)].map((m) => m[0]) : [];
}

describe('figure1Spec', () => {
  it('puts kurtosis on a log x axis in both panels (whole decades, the 10³ threshold inside) and accuracy from 0 to just above the best run', () => {
    const spec = figure1Spec(base()) as any;
    const dots = spec.vconcat[0].layer[2];
    expect(dots.encoding.x.scale.type).toBe('log');
    expect(spec.vconcat[1].encoding.x.scale.type).toBe('log');
    const best = Math.max(...base().points.map((p) => (p.status === 'ok' ? p.accuracy! : 0)));
    expect(dots.encoding.y.scale.domain).toEqual([0, Math.ceil((best + 0.02) * 10) / 10]);
    const top = (best: number) => (figure1Spec({ ...base(), points: base().points.map((p) => (p.status === 'ok' ? { ...p, accuracy: Math.min(p.accuracy!, best) } : p)) }) as any).vconcat[0].layer[2].encoding.y.scale.domain[1];
    expect([top(0.35), top(0.38), top(0.3)]).toEqual([0.4, 0.4, 0.4]);
    expect(top(0.39)).toBe(0.5);
    const [lo, hi] = dots.encoding.x.scale.domain;
    expect(Number.isInteger(Math.log10(lo)) && Number.isInteger(Math.log10(hi))).toBe(true);
    expect(lo <= 1e3 && hi >= 1e3).toBe(true);
    expect(spec.title.text).toContain(dataset);
    expect(spec.title.subtitle.join(' ')).toContain(dataset);
  });

  it('renders to an SVG with the axis titles, the dataset label and the diverged count', async () => {
    const svg = await renderSvg(figure1Spec(base()));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('Theoretical output kurtosis at initialisation');
    expect(svg).toContain('Test accuracy after 500 steps (fraction correct)');
    expect(svg).toContain(dataset);
    expect(svg).toContain('2 diverged runs');
  });

  it('draws diverged runs as × in their own strip, never in the accuracy panel', async () => {
    const svg = await renderSvg(figure1Spec(base()));
    const trained = symbolPaths(svg, 'concat_0_layer_2');
    const diverged = symbolPaths(svg, 'concat_1');
    // fixture: 27 runs, of which He-normal width 5 depths 25 and 50 diverged
    expect(trained).toHaveLength(25);
    expect(diverged).toHaveLength(2);
    const shape = (p: string) => p.match(/ d="([^"]*)"/)![1];
    const crossShapes = new Set(diverged.map(shape));
    expect(crossShapes.size).toBe(1);
    for (const p of trained) expect(crossShapes.has(shape(p))).toBe(false);
    // the diverged strip's rows are initialisers, not accuracies
    for (const p of diverged) expect(p).toContain('Diverged (×): He-normal');
  });

  it('ignores any accuracy recorded on a diverged run (e.g. 0.1 = chance)', () => {
    const options = base();
    const withChance = { ...options, points: options.points.map((p) => (p.status === 'diverged' ? { ...p, accuracy: 0.1 } : p)) };
    expect(JSON.stringify(figure1Spec(withChance))).toBe(JSON.stringify(figure1Spec(options)));
  });

  it('gives byte-identical SVG for the same runs in any order', async () => {
    const options = base();
    const a = await renderSvg(figure1Spec(options));
    const b = await renderSvg(figure1Spec({ ...options, points: [...options.points].reverse() }));
    expect(b).toBe(a);
  });

  it('rejects bad inputs with the field named', () => {
    const options = base();
    const withPoint = (i: number, patch: Partial<Record<keyof Figure1Point, unknown>>) => ({
      ...options,
      points: options.points.map((p, j) => (j === i ? ({ ...p, ...patch } as Figure1Point) : p)),
    });
    expect(() => figure1Spec({ ...options, points: [] })).toThrow(/points must be a non-empty array/);
    expect(() => figure1Spec(withPoint(3, { kurtosis: 0 }))).toThrow(/points\[3\]\.kurtosis must be > 0/);
    expect(() => figure1Spec(withPoint(3, { kurtosis: -2 }))).toThrow(/points\[3\]\.kurtosis/);
    expect(() => figure1Spec(withPoint(4, { kurtosis: Number.NaN }))).toThrow(/points\[4\]\.kurtosis must be a finite number/);
    expect(() => figure1Spec(withPoint(0, { accuracy: Number.NaN }))).toThrow(/points\[0\]\.accuracy must be a finite number/);
    expect(() => figure1Spec(withPoint(0, { accuracy: null }))).toThrow(/points\[0\]\.accuracy/);
    expect(() => figure1Spec(withPoint(0, { accuracy: 1.5 }))).toThrow(/points\[0\]\.accuracy must be <= 1/);
    expect(() => figure1Spec(withPoint(1, { initialiser: 'glorot' }))).toThrow(/points\[1\]\.initialiser/);
    expect(() => figure1Spec(withPoint(1, { status: 'nan' }))).toThrow(/points\[1\]\.status/);
    expect(() => figure1Spec(withPoint(2, { depth: 2.5 }))).toThrow(/points\[2\]\.depth must be an integer/);
    expect(() => figure1Spec(withPoint(1, { width: options.points[0]!.width, depth: options.points[0]!.depth }))).toThrow(/points\[1\] duplicates/);
    expect(() => figure1Spec({ ...options, dataset: '' })).toThrow(/figure1Spec: dataset/);
    expect(() => figure1Spec({ ...options, kurtosisSource: ' ' })).toThrow(/kurtosisSource/);
  });

  describe('rendered to PNG', () => {
    const noneDiverged = (): Figure1Point[] =>
      base().points.map((p) => (p.status === 'diverged' ? { ...p, status: 'ok' as const, accuracy: 0.1 } : p));
    const render = (points: Figure1Point[]) => rasterise(figure1Spec({ ...base(), points }));
    const axes = (r: Awaited<ReturnType<typeof rasterise>>) => {
      const all = r.boxes.filter((b) => b.role === 'axis-label' && b.text !== undefined);
      const yLabels = all.filter((b) => /^\d\.\d$/.test(b.text!)).sort((a, b) => b.y1 - a.y1);
      const xLabels = all.filter((b) => !/^\d\.\d$/.test(b.text!) && !/^He-/.test(b.text!)).sort((a, b) => a.x1 - b.x1);
      return { yLabels, xLabels, y: axisMap(yLabels, 'y'), x: axisMap(xLabels.filter((b) => b.opacity !== 0), 'x', true) };
    };

    it('fills most of the canvas with the plot (was a third of it)', async () => {
      const r = await render(noneDiverged());
      const { xLabels } = axes(r);
      const span = xLabels[xLabels.length - 1]!.x2 - xLabels[0]!.x1;
      expect(span / r.png.width).toBeGreaterThan(0.6);
    });

    it('labels the kurtosis axis with powers of ten only, every label shown', async () => {
      const r = await render(noneDiverged());
      const { xLabels } = axes(r);
      expect(xLabels.length).toBeGreaterThanOrEqual(4);
      for (const b of xLabels) {
        expect(b.text).toMatch(/^10⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
        expect(b.opacity).not.toBe(0);
      }
      expect(xLabels.map((b) => labelValue(b.text!))).toEqual([...xLabels.map((b) => labelValue(b.text!))].sort((a, b) => a - b));
    });

    it('leaves out the Diverged strip when nothing diverged, and shows it when something did', async () => {
      const none = await render(noneDiverged());
      expect(none.svg).not.toContain('Diverged');
      const some = await render(base().points);
      expect(some.svg).toContain('Diverged (×)');
      expect(some.boxes.filter((b) => b.name === 'concat_1_marks').length).toBe(2);
    });

    it('draws the chance line at accuracy 0.1 and the claim threshold at κ = 10³', async () => {
      const r = await render(noneDiverged());
      const { x, y } = axes(r);
      const grey = near('#555555', 45);
      const left = x(1);
      const right = x(1e6);
      const py = y(0.1);
      const row = Math.max(...[-2, -1, 0, 1, 2].map((d) => r.count({ x1: left, y1: py + d, x2: right, y2: py + d }, grey)));
      expect(row / (right - left)).toBeGreaterThan(0.25);
      const px = x(1e3);
      const top = y(1);
      const bottom = y(0);
      const column = Math.max(...[-2, -1, 0, 1, 2].map((d) => r.count({ x1: px + d, y1: top, x2: px + d, y2: bottom }, grey)));
      expect(column / (bottom - top)).toBeGreaterThan(0.25);
    });
  });
});
