/** A rasterised figure: the PNG file's bytes and its decoded RGBA pixels. */
export interface RenderedPng {
  /** The encoded PNG. */
  png: Buffer;
  /** Width and height in pixels (the SVG's size × `scale`). */
  width: number;
  height: number;
  /** Row-major RGBA, 4 bytes per pixel, `width × height × 4` bytes. */
  pixels: Uint8Array;
  /** Pixels per SVG unit. */
  scale: number;
}

/**
 * Rasterises an SVG document (e.g. from `renderSvg`) to PNG with resvg (`@resvg/resvg-js`, a
 * maintained Rust rasteriser shipped as a prebuilt binary), on a white background, at `scale`
 * pixels per SVG unit (default 2, for screens and the README). Text uses DejaVu Sans where the
 * system has it (else resvg's fallback font); no other system state enters, so the same SVG on
 * the same machine gives the same bytes. resvg is loaded on first use only.
 *
 * @throws Error when the SVG cannot be parsed, or when resvg's binary is not installed for this
 *   platform (the message says so).
 * @example
 * const { width, pixels } = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"/>');
 * width; // 20 (scale 2); pixels.length === 20 * 10 * 4
 */
export async function renderPng(svg: string, options: { scale?: number } = {}): Promise<RenderedPng> {
  const scale = options.scale ?? 2;
  if (!(scale > 0 && Number.isFinite(scale))) throw new RangeError(`renderPng: scale must be a positive number, got ${String(scale)}`);
  let Resvg: typeof import('@resvg/resvg-js').Resvg;
  try {
    ({ Resvg } = await import('@resvg/resvg-js'));
  } catch (e) {
    throw new Error(`renderPng: @resvg/resvg-js has no binary for ${process.platform}-${process.arch} here (${(e as Error).message.split('\n')[0]})`);
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: new Uint8Array(image.pixels), scale };
}
