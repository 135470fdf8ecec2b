import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSvg } from './writeSvg.ts';

const dir = mkdtempSync(join(tmpdir(), 'vv-plots-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const spec = {
  data: { values: [{ x: 1, y: 2 }] },
  mark: 'point' as const,
  encoding: { x: { field: 'x', type: 'quantitative' as const }, y: { field: 'y', type: 'quantitative' as const } },
};

describe('writeSvg', () => {
  it('writes the SVG into a new directory, leaving no temp file behind', async () => {
    const path = join(dir, 'sub', 'figure.svg');
    const svg = await writeSvg({ spec, path });
    expect(readFileSync(path, 'utf8')).toBe(svg);
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg.endsWith('</svg>\n')).toBe(true);
    expect(readdirSync(join(dir, 'sub'))).toEqual(['figure.svg']);
  });

  it('rejects an empty path, naming the field', async () => {
    await expect(writeSvg({ spec, path: '' })).rejects.toThrow(/writeSvg: path/);
  });
});
