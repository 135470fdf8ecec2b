import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { binomialCumulative } from './binomialCumulative.ts';
import { binomialLowerTail, binomialUpperTail } from './binomialTail.ts';

/** P(Bin(n, p) = j) for j = 0..n in exact rationals (independent of the pmf-ratio code under test). */
function exactPmf(n: number, p: Fraction): Fraction[] {
  const q = new Fraction(1).sub(p);
  const out: Fraction[] = [];
  let choose = new Fraction(1);
  for (let j = 0; j <= n; j++) {
    if (j > 0) choose = choose.mul(n - j + 1).div(j);
    out.push(choose.mul(p.pow(j)).mul(q.pow(n - j)));
  }
  return out;
}

/** A non-negative rational as the nearest-ish double, also when numerator and denominator exceed 2^1024 (valueOf gives NaN there). */
function toDouble(f: Fraction): number {
  const bits = (x: bigint) => x.toString(2).length;
  const sn = Math.max(0, bits(f.n) - 64);
  const sd = Math.max(0, bits(f.d) - 64);
  return (Number(f.n >> BigInt(sn)) / Number(f.d >> BigInt(sd))) * 2 ** (sn - sd);
}

/** Exact lower[k] = P(X ≤ k) and upper[k] = P(X ≥ k), as doubles. */
function exactCumulative(n: number, p: Fraction): { lower: number[]; upper: number[] } {
  const pmf = exactPmf(n, p);
  const lower: number[] = [];
  const upper: number[] = new Array(n + 1);
  let acc = new Fraction(0);
  for (let j = 0; j <= n; j++) lower.push(toDouble((acc = acc.add(pmf[j]!))));
  acc = new Fraction(0);
  for (let j = n; j >= 0; j--) upper[j] = toDouble((acc = acc.add(pmf[j]!)));
  return { lower, upper };
}

const relClose = (got: number, want: number, rel = 1e-12) => Math.abs(got - want) <= rel * Math.abs(want);

describe('binomialCumulative', () => {
  it('has n + 1 entries per tail, with P(X ≤ n) = 1 and P(X ≥ 0) = 1 exactly', () => {
    for (const [n, p] of [[1, 0.5], [7, 0.3], [40, 0.9]] as const) {
      const { lower, upper } = binomialCumulative(n, p);
      expect(lower.length).toBe(n + 1);
      expect(upper.length).toBe(n + 1);
      expect(lower[n]).toBe(1);
      expect(upper[0]).toBe(1);
    }
    expect(Array.from(binomialCumulative(2, 0.5).lower)).toEqual([0.25, 0.75, 1]);
    expect(Array.from(binomialCumulative(2, 0.5).upper)).toEqual([1, 0.75, 0.25]);
  });

  it('matches exact rational sums to 1e-12 relative, in both tails (n = 30, p = 3/10)', () => {
    const { lower, upper } = binomialCumulative(30, 0.3);
    const ref = exactCumulative(30, new Fraction(3, 10));
    for (let k = 0; k <= 30; k++) {
      expect(relClose(lower[k]!, ref.lower[k]!), `lower ${k}`).toBe(true);
      expect(relClose(upper[k]!, ref.upper[k]!), `upper ${k}`).toBe(true);
    }
  });

  it('stays accurate when the far tail underflows (n = 200, p = 1/100: P(X = 200) = 1e-400)', () => {
    // Started from the mode the recursion never overflows; started from an end it would.
    const { lower, upper } = binomialCumulative(200, 0.01);
    const ref = exactCumulative(200, new Fraction(1, 100));
    for (let k = 0; k <= 10; k++) {
      expect(relClose(lower[k]!, ref.lower[k]!), `lower ${k}`).toBe(true);
      expect(relClose(upper[k]!, ref.upper[k]!), `upper ${k}`).toBe(true);
    }
    expect(upper[200]).toBe(0); // underflows harmlessly
  });

  it('degenerate laws p = 0 (X = 0) and p = 1 (X = n)', () => {
    expect(Array.from(binomialCumulative(3, 0).lower)).toEqual([1, 1, 1, 1]);
    expect(Array.from(binomialCumulative(3, 0).upper)).toEqual([1, 0, 0, 0]);
    expect(Array.from(binomialCumulative(3, 1).lower)).toEqual([0, 0, 0, 1]);
    expect(Array.from(binomialCumulative(3, 1).upper)).toEqual([1, 1, 1, 1]);
  });
});

describe('binomialUpperTail / binomialLowerTail at the ends of k and p', () => {
  it('P(X ≥ 0) = 1 and P(X ≥ n + 1) = 0 for every p, including the degenerate p = 0 and p = 1', () => {
    for (const p of [0, 0.3, 1]) {
      expect(binomialUpperTail(0, 5, p)).toBe(1);
      expect(binomialUpperTail(6, 5, p)).toBe(0);
    }
    expect(binomialUpperTail(5, 5, 1)).toBe(1);
    expect(binomialUpperTail(1, 5, 0)).toBe(0);
  });

  it('P(X ≤ 0) = (1 − p)ⁿ, P(X ≤ n) = 1, P(X ≤ −1) = 0', () => {
    expect(binomialLowerTail(0, 10, 0.5)).toBeCloseTo(2 ** -10, 16);
    expect(relClose(binomialLowerTail(0, 10, 0.5), 2 ** -10)).toBe(true);
    expect(relClose(binomialLowerTail(0, 7, 0.3), 0.7 ** 7)).toBe(true);
    expect(binomialLowerTail(10, 10, 0.5)).toBe(1);
    expect(binomialLowerTail(-1, 10, 0.5)).toBe(0);
  });

  it('matches exact rational sums to 1e-12 relative (n = 30, p = 3/10), both tails', () => {
    const ref = exactCumulative(30, new Fraction(3, 10));
    for (let k = 0; k <= 30; k++) {
      expect(relClose(binomialUpperTail(k, 30, 0.3), ref.upper[k]!), `upper ${k}`).toBe(true);
      expect(relClose(binomialLowerTail(k, 30, 0.3), ref.lower[k]!), `lower ${k}`).toBe(true);
    }
  });
});
