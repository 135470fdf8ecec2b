import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a vega-lite spec to an SVG document string, headlessly (vega's `renderer: 'none'`
 * view with `toSVG`; no canvas or browser needed). Text widths are vega's estimates when no
 * canvas package is installed, which keeps the output the same on every machine. The same spec
 * gives byte-identical SVG: the figure specs in this folder carry their data inline, sorted, and
 * no timestamps or random ids.
 *
 * Compiler warnings are collected silently rather than printed; errors still throw.
 *
 * @throws Error when vega-lite cannot compile the spec or vega cannot render it.
 * @example
 * const svg = await renderSvg({ data: { values: [{ x: 1, y: 2 }] }, mark: 'point',
 *   encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
 * svg.startsWith('<svg'); // true
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const quiet = vega.logger(vega.Warn);
  quiet.warn = () => quiet; // compile-time warnings (e.g. dropped empty layers) are not errors
  const compiled = compile(spec, { logger: quiet }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
