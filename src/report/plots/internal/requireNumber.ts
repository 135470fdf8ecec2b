/** Constraints on a number read from plot input; every field optional except `value`, `field`, `api`. */
export interface RequireNumberOptions {
  /** The value to check (typed `unknown` so `null`, strings and `NaN` are all caught). */
  value: unknown;
  /** The field's path as the caller sees it, e.g. `points[3].kurtosis`; named in the error. */
  field: string;
  /** The public function doing the check, e.g. `figure1Spec`; named in the error. */
  api: string;
  /** Strictly greater than 0 (needed on a log axis). Default false. */
  positive?: boolean;
  /** Inclusive lower bound. Default none. */
  min?: number;
  /** Inclusive upper bound. Default none. */
  max?: number;
  /** Must be an integer. Default false. */
  integer?: boolean;
}

/**
 * Returns `value` as a number when it is finite and meets the constraints; otherwise throws a
 * `RangeError` whose message names the API, the field, the rule and the value received.
 *
 * @throws RangeError when the value is not a finite number or breaks a constraint.
 * @example
 * requireNumber({ value: 0.5, field: 'points[0].accuracy', api: 'figure1Spec', min: 0, max: 1 }); // 0.5
 * requireNumber({ value: -1, field: 'points[0].kurtosis', api: 'figure1Spec', positive: true }); // throws
 */
export function requireNumber(options: RequireNumberOptions): number {
  const { value, field, api } = options;
  const fail = (rule: string): never => {
    throw new RangeError(`${api}: ${field} must be ${rule}, got ${String(value)}`);
  };
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('a finite number');
  const x = value as number;
  if (options.positive === true && !(x > 0)) fail('> 0 (it is plotted on a log axis)');
  if (options.min !== undefined && x < options.min) fail(`>= ${options.min}`);
  if (options.max !== undefined && x > options.max) fail(`<= ${options.max}`);
  if (options.integer === true && !Number.isInteger(x)) fail('an integer');
  return x;
}
