import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pngPathFor } from './pngPathFor.ts';
import { writeSvg } from './writeSvg.ts';

const dir = mkdtempSync(join(tmpdir(), 'vv-plots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = {
  data: { values: [{ x: 1, y: 2 }] },
  mark: 'point' as const,
  encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const } },
};

describe('writeSvg', () => {
  it('writes the SVG and a PNG beside it into a new directory, leaving no temp file behind', async () => {
    const path = join(dir, 'sub', 'figure.svg');
    const svg = await writeSvg({ spec, path });
    expect(readFileSync(path, 'utf8')).toBe(svg);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(readdirSync(join(dir, 'sub')).sort()).toEqual(['figure.png', 'figure.svg']);
    const png = readFileSync(join(dir, 'sub', 'figure.png'));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // PNG width/height (IHDR) are the SVG's size × 2
    const [w, h] = /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * w!, 2 * h!]);
  });

  it('writes the same bytes twice (SVG and PNG) for the same spec', async () => {
    const a = join(dir, 'a', 'f.svg');
    const b = join(dir, 'b', 'f.svg');
    await writeSvg({ spec, path: a });
    await writeSvg({ spec, path: b });
    expect(readFileSync(b)).toEqual(readFileSync(a));
    expect(readFileSync(pngPathFor(b))).toEqual(readFileSync(pngPathFor(a)));
  });

  it('writes only the SVG with png: false', async () => {
    await writeSvg({ spec, path: join(dir, 'c', 'f.svg'), png: false });
    expect(readdirSync(join(dir, 'c'))).toEqual(['f.svg']);
  });

  it('names the PNG after the SVG', () => {
    expect(pngPathFor('out/fig2.svg')).toBe('out/fig2.png');
    expect(pngPathFor('out/fig2.SVG')).toBe('out/fig2.png');
    expect(pngPathFor('out/fig2')).toBe('out/fig2.png');
  });

  it('rejects an empty path, naming the field', async () => {
    await expect(writeSvg({ spec, path: '' })).rejects.toThrow(/writeSvg: path/);
  });
});
