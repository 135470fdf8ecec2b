/** Decimal places that show `se` with 2 significant digits (0 for se ≥ 10). */
export function decimalsFor(se: number): number {
  return Math.min(12, Math.max(0, 1 - Math.floor(Math.log10(Math.abs(se)))));
}

/**
 * "estimate ± stderr" rounded to what the error supports: the standard error in 2 significant
 * digits, the estimate to the same decimal place. Without a usable error, 5 significant digits.
 *
 * @example withError(-0.00076520123, 0.00041234) // '-0.00077 ± 0.00041'
 * @example withError(189.3, 57.2) // '189 ± 57'
 */
export function withError(estimate: number | null, se: number | null): string {
  if (estimate === null) return '—';
  if (se === null || !Number.isFinite(se) || se <= 0) return String(Number(estimate.toPrecision(5)));
  const d = decimalsFor(se);
  const seText = d === 0 ? String(Number(se.toPrecision(2))) : se.toFixed(d);
  return `${estimate.toFixed(d)} ± ${seText}`;
}
