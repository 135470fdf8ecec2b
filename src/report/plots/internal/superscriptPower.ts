/**
 * Writes 10^k in the tick-label style: `superscriptPower(-3)` is `'10⁻³'`. Used in captions so
 * they match the axes.
 *
 * @example superscriptPower(14); // '10¹⁴'
 */
export function superscriptPower(k: number): string {
  const sup: Record<string, string> = { '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻' };
  return `10${String(Math.round(k)).replace(/./g, (c) => sup[c] ?? c)}`;
}
