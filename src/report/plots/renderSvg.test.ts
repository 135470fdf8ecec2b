import { describe, expect, it } from 'vitest';
import { renderSvg } from './renderSvg.ts';

const spec = {
  data: { values: [{ x: 1, y: 2 }, { x: 10, y: 3 }] },
  mark: 'point' as const,
  encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const } },
};

describe('renderSvg', () => {
  it('renders a spec to a standalone SVG document, the same bytes every time', async () => {
    const a = await renderSvg(spec);
    expect(a.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(await renderSvg(spec)).toBe(a);
  });

  it('rejects a spec vega-lite cannot compile', async () => {
    await expect(renderSvg({ data: { values: [] }, mark: 'nonsense' } as never)).rejects.toThrow();
  });
});
