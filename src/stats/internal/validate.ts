/**
 * Option checks shared by the statistical helpers. Each throws
 * `${api}: options.${field} must be …, got ${value}` so a bad call names the API and the field.
 */

/** A probability strictly inside (0, 1). */
export function checkOpenProbability(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value >= 1) {
    throw new Error(`${api}: options.${field} must be a number in (0, 1), got ${String(value)}`);
  }
  return value;
}

/** A finite number > 0. */
export function checkPositiveFinite(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${api}: options.${field} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** Any finite number. */
export function checkFinite(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${api}: options.${field} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Degrees of freedom: a number > 0, `Infinity` meaning the normal reference (known stderr). */
export function checkDegreesOfFreedom(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || Number.isNaN(value) || value <= 0) {
    throw new Error(`${api}: options.${field} must be a number > 0 (Infinity for a known stderr), got ${String(value)}`);
  }
  return value;
}

/** An integer ≥ `min`. */
export function checkInteger(api: string, field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new Error(`${api}: options.${field} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** `null` for a value that is not a finite number (JSON has no NaN or ±Infinity). */
export function finiteOrNull(x: number | null | undefined): number | null {
  return typeof x === 'number' && Number.isFinite(x) ? x : null;
}
