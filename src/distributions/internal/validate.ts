import type { Fraction } from 'fraction.js';

/** Throws `${api}: options.${field} must be a finite number > 0, got ${value}` unless valid. */
export function checkPositiveFinite(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new Error(`${api}: options.${field} must be a finite number > 0, got ${String(value)}`);
  }
  return value;
}

/** Formats a number or Fraction for readable names ('2', '9/5', '0.5'). */
export function fmt(x: number | Fraction): string {
  return typeof x === 'number' ? String(x) : x.toFraction();
}
