/** Throws `${api}: options must be an object` unless it is one. */
export function checkObject(api: string, options: unknown): void {
  if (typeof options !== 'object' || options === null) throw new Error(`${api}: options must be an object, got ${String(options)}`);
}

/** Throws `${api}: options.${field} must be an integer >= min` unless valid; returns the value. */
export function checkInteger(api: string, field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new Error(`${api}: options.${field} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number with value > above, >= atLeast and < below (each bound optional). */
export function checkReal(
  api: string,
  field: string,
  value: unknown,
  bounds: { readonly above?: number; readonly atLeast?: number; readonly below?: number },
): number {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds.above === undefined || value > bounds.above) &&
    (bounds.atLeast === undefined || value >= bounds.atLeast) &&
    (bounds.below === undefined || value < bounds.below);
  if (!ok) {
    const parts = [
      bounds.above !== undefined ? `> ${bounds.above}` : undefined,
      bounds.atLeast !== undefined ? `>= ${bounds.atLeast}` : undefined,
      bounds.below !== undefined ? `< ${bounds.below}` : undefined,
    ].filter((p) => p !== undefined);
    throw new Error(`${api}: options.${field} must be a finite number${parts.length > 0 ? ` ${parts.join(' and ')}` : ''}, got ${String(value)}`);
  }
  return value as number;
}

/** Throws unless `widths` is an array of at least 2 integers >= 1; returns a copy. */
export function checkWidths(api: string, widths: unknown): number[] {
  if (!Array.isArray(widths) || widths.length < 2) throw new Error(`${api}: options.widths needs at least 2 entries, got ${String(widths)}`);
  return widths.map((w, i) => checkInteger(api, `widths[${i}]`, w, 1));
}
