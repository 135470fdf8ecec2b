import { Fraction } from 'fraction.js';

/**
 * Tiny helpers over fraction.js `Fraction` (exact BigInt rationals), used wherever a moment,
 * probability or kurtosis must be compared with zero tolerance.
 * Conventions: kurtosis anywhere in this project is RAW kurtosis E[x^4]/σ^4 (normal = 3), and
 * the helpers here never round.
 */

/**
 * Exact rational n/d from integers (number safe integers or bigint); throws on a non-integer or
 * zero denominator, so a float can never be silently approximated (use {@link qFromNumber} for that).
 *
 * @example q(6, 4).toFraction() // '3/2'
 * @example q(-2).valueOf() // -2
 */
export function q(n: number | bigint, d: number | bigint = 1): Fraction {
  for (const [name, v] of [['n', n], ['d', d]] as const) {
    if (typeof v === 'number' && !Number.isSafeInteger(v)) {
      throw new Error(`q: ${name} must be a safe integer or a bigint, got ${v}`);
    }
  }
  if (BigInt(d) === 0n) throw new Error('q: d must be non-zero, got 0');
  return new Fraction(BigInt(n), BigInt(d));
}

/**
 * Exact rational for a finite double: the decimal that `String(x)` prints when it has at most 15
 * significant digits and converts back to exactly x (so 1.8 → 9/5, 0.1 → 1/10), otherwise the
 * exact dyadic value m·2^e of the double. Either way `qFromNumber(x)` rounds back to x.
 * Throws on NaN or ±Infinity.
 *
 * @example qFromNumber(1.8).toFraction() // '9/5'
 * @example qFromNumber(1 / 3).toFraction() // '6004799503160661/18014398509481984'
 */
export function qFromNumber(x: number): Fraction {
  if (!Number.isFinite(x)) throw new Error(`qFromNumber: x must be finite, got ${x}`);
  if (Number.isInteger(x)) return new Fraction(BigInt(x));
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(x));
  if (m) {
    const digits = (m[2] ?? '') + (m[3] ?? '');
    if (digits.replace(/^0+/, '').length <= 15) {
      const exp10 = Number(m[4] ?? 0) - (m[3] ?? '').length;
      const n = BigInt(m[1] + digits);
      const decimal = exp10 >= 0 ? new Fraction(n * 10n ** BigInt(exp10)) : new Fraction(n, 10n ** BigInt(-exp10));
      if (decimal.valueOf() === x) return decimal;
    }
  }
  // Exact dyadic expansion: x = m · 2^-e with m an integer (at most 1074 doublings, for subnormals).
  let mant = x;
  let e = 0n;
  while (!Number.isInteger(mant)) {
    mant *= 2;
    e += 1n;
  }
  return new Fraction(BigInt(mant), 2n ** e);
}

/**
 * x^k for an integer k ≥ 0, exactly.
 *
 * @example qPow(q(-2, 3), 4).toFraction() // '16/81'
 */
export function qPow(x: Fraction, k: number): Fraction {
  if (!Number.isInteger(k) || k < 0) throw new Error(`qPow: k must be an integer >= 0, got ${k}`);
  let r = new Fraction(1);
  for (let i = 0; i < k; i++) r = r.mul(x);
  return r;
}

/**
 * Exact sum of a list (0 for the empty list).
 *
 * @example qSum([q(1, 2), q(1, 3), q(1, 6)]).toFraction() // '1'
 */
export function qSum(list: readonly Fraction[]): Fraction {
  let r = new Fraction(0);
  for (const x of list) r = r.add(x);
  return r;
}

/**
 * Exact equality of two rationals.
 *
 * @example qEquals(q(2, 4), q(1, 2)) // true
 */
export function qEquals(a: Fraction, b: Fraction): boolean {
  return a.equals(b);
}

/**
 * Readable `p/q` (or `p` for integers), in lowest terms, sign on the numerator.
 *
 * @example qToString(q(-6, 4)) // '-3/2'
 */
export function qToString(x: Fraction): string {
  return x.toFraction();
}

function bigintSqrtExact(n: bigint): bigint | undefined {
  if (n < 0n) return undefined;
  if (n < 2n) return n;
  // Newton iteration on integers, starting above the root.
  let x = 1n << BigInt(Math.ceil(n.toString(2).length / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  return x * x === n ? x : undefined;
}

/**
 * The rational square root of x when x is the square of a rational (x ≥ 0), else `undefined`.
 *
 * @example qSqrtExact(q(9, 4))?.toFraction() // '3/2'
 * @example qSqrtExact(q(2)) // undefined
 */
export function qSqrtExact(x: Fraction): Fraction | undefined {
  if (x.s < 0n && x.n !== 0n) return undefined;
  const n = bigintSqrtExact(x.n);
  const d = bigintSqrtExact(x.d);
  return n === undefined || d === undefined ? undefined : new Fraction(n, d);
}
