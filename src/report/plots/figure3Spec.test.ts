import { describe, expect, it } from 'vitest';
import { figure3Spec, type Figure3Point } from './figure3Spec.ts';
import { testFixtures } from './internal/testFixtures.ts';
import { renderSvg } from './renderSvg.ts';

const dataset = 'CIFAR-10 (JPEG-q75 stand-in)';
const points = testFixtures().figure3;

describe('figure3Spec', () => {
  it('plots a min–max band, a mean line and dots, coloured by initialiser in the paper order', () => {
    const spec = figure3Spec({ points, width: 10, dataset }) as any;
    expect(spec.layer.map((l: { mark: { type: string } }) => l.mark.type)).toEqual(['area', 'line', 'point']);
    expect(spec.layer[0].encoding.y.field).toBe('min');
    expect(spec.layer[0].encoding.y2.field).toBe('max');
    expect(spec.layer[0].encoding.y.stack).toBeNull();
    expect(spec.layer[1].encoding.color.scale.domain).toEqual(['He-normal', 'ZerO']);
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
});
