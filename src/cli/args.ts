/** A problem with the command line: reported as one `vv: error: …` line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a finite decimal number (`1`, `-0.5`, `2.5e3`); rejects empty strings, `NaN`,
 * `Infinity`, hex and anything else, naming the argument in the error.
 */
export function parseFiniteNumber(text: string, name: string): number {
  const t = text.trim();
  if (t === '') throw new UsageError(`${name} is empty, expected a finite number`);
  const value = DECIMAL.test(t) ? Number(t) : Number.NaN;
  if (!Number.isFinite(value)) throw new UsageError(`${name} must be a finite number, got '${text}'`);
  return value;
}

/** A finite number that is an integer ≥ `min`. */
export function parseInteger(text: string, name: string, min: number): number {
  const value = parseFiniteNumber(text, name);
  if (!Number.isSafeInteger(value)) throw new UsageError(`${name} must be an integer, got '${text}'`);
  if (value < min) throw new UsageError(`${name} must be >= ${min}, got ${value}`);
  return value;
}

/** A seed: a non-negative safe integer written in decimal digits. */
export function parseSeed(text: string, name = '--seed'): number {
  const t = text.trim();
  if (t === '') throw new UsageError(`${name} is empty, expected a non-negative safe integer`);
  const value = /^\d+$/.test(t) ? Number(t) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`${name} must be a non-negative safe integer, got '${text}'`);
  return value;
}

/** A kurtosis: a finite number ≥ 1 (every distribution's raw kurtosis E[x⁴]/E[x²]² is ≥ 1). */
export function parseKurtosis(text: string, name: string): number {
  const value = parseFiniteNumber(text, name);
  if (value < 1) throw new UsageError(`${name} must be >= 1 (a kurtosis), got ${value}`);
  return value;
}

/** A comma-separated list of widths, each an integer ≥ 1. */
export function parseWidthList(text: string, name: string): number[] {
  const parts = text.split(',');
  return parts.map((part, i) => {
    if (part.trim() === '') throw new UsageError(`${name} entry ${i + 1} is empty in '${text}'`);
    return parseInteger(part, `${name} entry ${i + 1}`, 1);
  });
}
