import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { renderPng, type RenderedPng } from '../renderPng.ts';

/** A rectangle in PNG pixels, with the scene item it came from. */
export interface PixelBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  marktype: string;
  role: string | undefined;
  /** The mark's name (e.g. `layer_2_marks`, `concat_1_layer_0_marks`). */
  name: string | undefined;
  datum: Record<string, unknown> | undefined;
  text: string | undefined;
  opacity: number | undefined;
  /** For a group item (a panel, a legend…): its own x, y, width, height in PNG pixels (bounds include axes and titles). */
  rect: { x1: number; y1: number; x2: number; y2: number } | undefined;
}

/** What `rasterise` returns: the SVG, its PNG, and where vega put each scene item. */
export interface Raster {
  svg: string;
  png: RenderedPng;
  /** Every scene item (marks, axes, legends, titles) with its bounds in PNG pixels. */
  boxes: PixelBox[];
  /** The RGBA of pixel (x, y). */
  at(x: number, y: number): [number, number, number, number];
  /** How many pixels inside `box` (clipped to the image) satisfy `test`. */
  count(box: { x1: number; y1: number; x2: number; y2: number }, test: (rgba: [number, number, number, number]) => boolean): number;
}

/**
 * Test-only: renders a vega-lite spec exactly as `renderSvg` + `renderPng` do and also returns
 * the scene graph's item bounds, converted to PNG pixel coordinates (group offsets summed, plus
 * the SVG's root translation, times the PNG scale), so a test can look at the pixels where a
 * mark was placed — e.g. that an error bar has coloured pixels over its whole length.
 *
 * @example
 * const r = await rasterise(spec);
 * r.count(r.boxes.find((b) => b.marktype === 'rule')!, (p) => p[2] > 150); // blue-ish pixels on the rule
 */
export async function rasterise(spec: TopLevelSpec, scale = 2): Promise<Raster> {
  const quiet = vega.logger(vega.Warn);
  quiet.warn = () => quiet;
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logLevel: vega.Error });
  await view.runAsync();
  const svg = await view.toSVG();
  view.finalize();
  const png = await renderPng(svg + '\n', { scale });
  const root = /<g [^>]*transform="translate\(([-\d.]+),([-\d.]+)\)"/.exec(svg);
  const ox = Number(root?.[1] ?? 0);
  const oy = Number(root?.[2] ?? 0);
  const boxes: PixelBox[] = [];
  const walk = (mark: any, dx: number, dy: number) => {
    for (const item of mark.items ?? []) {
      const b = item.bounds;
      if (b !== undefined && Number.isFinite(b.x1)) {
        boxes.push({
          x1: (dx + b.x1) * scale,
          y1: (dy + b.y1) * scale,
          x2: (dx + b.x2) * scale,
          y2: (dy + b.y2) * scale,
          marktype: mark.marktype,
          role: mark.role,
          name: mark.name,
          datum: item.datum,
          text: typeof item.text === 'string' ? item.text : undefined,
          opacity: item.opacity,
          rect:
            mark.marktype === 'group' && typeof item.width === 'number'
              ? { x1: (dx + item.x) * scale, y1: (dy + item.y) * scale, x2: (dx + item.x + item.width) * scale, y2: (dy + item.y + item.height) * scale }
              : undefined,
        });
      }
      if (mark.marktype === 'group') for (const child of item.items ?? []) walk(child, dx + (item.x ?? 0), dy + (item.y ?? 0));
    }
  };
  walk((view.scenegraph() as any).root, ox, oy);
  const at = (x: number, y: number): [number, number, number, number] => {
    const i = (Math.round(y) * png.width + Math.round(x)) * 4;
    return [png.pixels[i]!, png.pixels[i + 1]!, png.pixels[i + 2]!, png.pixels[i + 3]!];
  };
  const count: Raster['count'] = (box, test) => {
    let n = 0;
    for (let y = Math.max(0, Math.floor(box.y1)); y <= Math.min(png.height - 1, Math.ceil(box.y2)); y += 1) {
      for (let x = Math.max(0, Math.floor(box.x1)); x <= Math.min(png.width - 1, Math.ceil(box.x2)); x += 1) if (test(at(x, y))) n += 1;
    }
    return n;
  };
  return { svg, png, boxes, at, count };
}

/** `#rrggbb` → [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
}

/** A pixel test: within `tolerance` (per channel) of `hex`, fully opaque. */
export function near(hex: string, tolerance = 40): (p: [number, number, number, number]) => boolean {
  const [r, g, b] = hexToRgb(hex);
  return (p) => Math.abs(p[0] - r) <= tolerance && Math.abs(p[1] - g) <= tolerance && Math.abs(p[2] - b) <= tolerance;
}

/** A pixel test: visibly not white (any channel below 235). */
export const inked = (p: [number, number, number, number]): boolean => p[0] < 235 || p[1] < 235 || p[2] < 235;

/** Pixel test: a saturated colour (max − min channel > 60) — a data mark, not grid, axis or text grey. */
export const saturated = (p: [number, number, number, number]): boolean => Math.max(p[0], p[1], p[2]) - Math.min(p[0], p[1], p[2]) > 60;

/**
 * A tick label's value, whatever the axis format: `10⁻³`, `1e+14`, `1,000,000`, `0.25`.
 *
 * @example labelValue('10⁻³'); // 0.001
 */
export function labelValue(text: string): number {
  const sup = '⁰¹²³⁴⁵⁶⁷⁸⁹';
  const m = /^10([⁻]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (m !== null) return 10 ** Number([...m[1]!].map((c) => (c === '⁻' ? '-' : String(sup.indexOf(c)))).join(''));
  return Number(text.replace(/,/g, ''));
}

/**
 * A linear pixel map value → position fitted through an axis's labels (`log` for log axes), from
 * label boxes (their centres) along `along` ('x' or 'y').
 */
export function axisMap(labels: readonly PixelBox[], along: 'x' | 'y', log = false): (v: number) => number {
  const pts = labels.map((b) => ({ v: log ? Math.log10(labelValue(b.text!)) : labelValue(b.text!), p: along === 'x' ? (b.x1 + b.x2) / 2 : (b.y1 + b.y2) / 2 }));
  const a = pts[0]!;
  const b = pts[pts.length - 1]!;
  return (v: number) => a.p + (((log ? Math.log10(v) : v) - a.v) * (b.p - a.p)) / (b.v - a.v);
}
