import { describe, expect, it } from 'vitest';
import { renderPng } from './renderPng.ts';

const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><rect x="5" y="0" width="5" height="5" fill="#0072b2"/></svg>';

describe('renderPng', () => {
  it('rasterises at 2 px per unit on white, with the pixels decoded', async () => {
    const r = await renderPng(svg);
    expect([r.width, r.height, r.scale, r.pixels.length]).toEqual([20, 10, 2, 20 * 10 * 4]);
    const at = (x: number, y: number) => [...r.pixels.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4)];
    expect(at(2, 5)).toEqual([255, 255, 255, 255]); // background
    expect(at(15, 5)).toEqual([0x00, 0x72, 0xb2, 255]); // the rectangle
    expect(r.png.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('honours the scale and rejects a bad one', async () => {
    expect((await renderPng(svg, { scale: 1 })).width).toBe(10);
    await expect(renderPng(svg, { scale: 0 })).rejects.toThrow(/scale must be a positive number/);
  });

  it('rejects text that is not SVG', async () => {
    await expect(renderPng('not svg')).rejects.toThrow();
  });
});
