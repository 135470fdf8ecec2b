import type { TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '../atomicWrite.ts';
import { renderSvg } from './renderSvg.ts';

/** Options for `writeSvg`. */
export interface WriteSvgOptions {
  /** The vega-lite spec to render (e.g. from `figure1Spec`). */
  spec: TopLevelSpec;
  /** Where to write the `.svg` file; its directory is created if missing. */
  path: string;
}

/**
 * Renders `spec` with `renderSvg` and writes the SVG (plus a trailing newline) atomically: a
 * temp file in the same directory renamed over `path`, so a reader never sees half a figure.
 * Resolves to the SVG text written.
 *
 * @throws TypeError when `path` is empty; whatever `renderSvg` or the file system throws.
 * @example
 * await writeSvg({ spec: figure3Spec({ ... }), path: 'out/figure3a.svg' }); // '<svg …</svg>\n'
 */
export async function writeSvg(options: WriteSvgOptions): Promise<string> {
  if (typeof options.path !== 'string' || options.path === '') {
    throw new TypeError(`writeSvg: path must be a non-empty string, got ${JSON.stringify(options.path)}`);
  }
  const svg = (await renderSvg(options.spec)) + '\n';
  writeFileAtomic(options.path, svg);
  return svg;
}
