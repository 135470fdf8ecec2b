import fc from 'fast-check';
import type { SymmetricDistribution } from '../../distributions/types.ts';

/** Throws `${api}: constraints.${field} must be an integer >= ${min}, got ${value}` unless valid. */
export function checkInteger(api: string, field: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new Error(`${api}: constraints.${field} must be an integer >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** Throws `${api}: constraints.${field} must be a finite number, got ${value}` unless valid. */
export function checkFinite(api: string, field: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`${api}: constraints.${field} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Makes fast-check print a distribution by its readable name in counterexamples. */
export function printable<D extends SymmetricDistribution>(d: D): D {
  return Object.assign(d, { [fc.toStringMethod]: () => d.name });
}
