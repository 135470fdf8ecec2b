import type { RandomGenerator } from '../types.ts';

/** Throws `${api}: options.${field} must be an integer >= 1, got ${value}` unless valid. */
export function checkFan(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new Error(`${api}: options.${field} must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` is a finite number (the negative slope a of φ_a; any real is allowed). */
export function checkSlope(api: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${api}: options.slope must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Throws unless `value` looks like a pure-rand generator (has `next`). */
export function checkRng(api: string, value: unknown): RandomGenerator {
  if (typeof value !== 'object' || value === null || typeof (value as { next?: unknown }).next !== 'function') {
    throw new Error(`${api}: options.rng must be a pure-rand RandomGenerator (e.g. xoroshiro128plus(seed)), got ${String(value)}`);
  }
  return value as RandomGenerator;
}

/** Throws unless the options argument is an object (so that a missing one names the API). */
export function checkOptions(api: string, options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    throw new Error(`${api}: options must be an object, got ${String(options)}`);
  }
}
