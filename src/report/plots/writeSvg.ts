import type { TopLevelSpec } from 'vega-lite';
import { writeFilesAtomicBytes } from './internal/writeFilesAtomicBytes.ts';
import { pngPathFor } from './pngPathFor.ts';
import { renderPng } from './renderPng.ts';
import { renderSvg } from './renderSvg.ts';

/** Options for `writeSvg`. */
export interface WriteSvgOptions {
  /** The vega-lite spec to render (e.g. from `figure1Spec`). */
  spec: TopLevelSpec;
  /** Where to write the `.svg` file; its directory is created if missing. */
  path: string;
  /** Also write a PNG beside it (`x.svg` → `x.png`, 2 px per SVG unit, `renderPng`). Default true. */
  png?: boolean;
}

/**
 * Renders `spec` with `renderSvg` and writes the SVG (plus a trailing newline) atomically: a
 * temp file in the same directory renamed over `path`, so a reader never sees half a figure.
 * Unless `png: false`, the SVG is also rasterised with `renderPng` (2 px per SVG unit) and the
 * PNG written beside it (`pngPathFor`), renamed into place right after the SVG. Resolves to the
 * SVG text written.
 *
 * @throws TypeError when `path` is empty; whatever `renderSvg`, `renderPng` or the file system throws.
 * @example
 * await writeSvg({ spec: figure3Spec({ ... }), path: 'out/figure3a.svg' }); // '<svg …</svg>\n', and out/figure3a.png
 */
export async function writeSvg(options: WriteSvgOptions): Promise<string> {
  if (typeof options.path !== 'string' || options.path === '') {
    throw new TypeError(`writeSvg: path must be a non-empty string, got ${JSON.stringify(options.path)}`);
  }
  const svg = (await renderSvg(options.spec)) + '\n';
  const png = options.png === false ? undefined : (await renderPng(svg)).png;
  writeFilesAtomicBytes([{ path: options.path, content: svg }, ...(png === undefined ? [] : [{ path: pngPathFor(options.path), content: png }])]);
  return svg;
}

