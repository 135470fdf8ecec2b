import { Fraction } from 'fraction.js';

/**
 * The arithmetic the theory formulas need, so that each formula is written once and evaluated
 * either in float64 (`numberField`, for speed) or exactly (`rationalField`, BigInt rationals
 * from fraction.js, for zero-tolerance identities).
 *
 * @example transitionMatrix(rationalField, { slope: new Fraction(1, 2), … }) // exact entries
 */
export interface Field<T> {
  readonly name: 'float64' | 'rational';
  of(n: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  eq(a: T, b: T): boolean;
  lt(a: T, b: T): boolean;
  toNumber(a: T): number;
}

export const numberField: Field<number> = {
  name: 'float64',
  of: (n) => n,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  neg: (a) => -a,
  eq: (a, b) => a === b,
  lt: (a, b) => a < b,
  toNumber: (a) => a,
};

export const rationalField: Field<Fraction> = {
  name: 'rational',
  of: (n) => new Fraction(n),
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  neg: (a) => a.neg(),
  eq: (a, b) => a.equals(b),
  lt: (a, b) => a.compare(b) < 0,
  toNumber: (a) => a.valueOf(),
};

/** Integer power x^k (k ≥ 0) in a field. */
export function fieldPow<T>(F: Field<T>, x: T, k: number): T {
  let r = F.of(1);
  for (let i = 0; i < k; i++) r = F.mul(r, x);
  return r;
}
