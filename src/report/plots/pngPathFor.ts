/**
 * Where a figure's PNG goes: beside its SVG, `.svg` (any case) replaced by `.png`; a name without
 * `.svg` gets `.png` appended.
 *
 * @example pngPathFor('out/fig2.svg'); // 'out/fig2.png'
 */
export function pngPathFor(svgPath: string): string {
  return /\.svg$/i.test(svgPath) ? svgPath.replace(/\.svg$/i, '.png') : `${svgPath}.png`;
}
