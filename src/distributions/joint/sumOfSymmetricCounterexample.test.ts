import { describe, it, expect } from 'vitest';
import { Fraction } from 'fraction.js';
import { hasSymmetricMarginals } from './hasSymmetricMarginals.ts';
import { isIdenticallyDistributed } from './isIdenticallyDistributed.ts';
import { jointExpectation } from './jointExpectation.ts';
import { marginalLaw } from './law.ts';
import { sumOfSymmetricCounterexample } from './sumOfSymmetricCounterexample.ts';

const lawText = (law: ReturnType<typeof marginalLaw>): string[] =>
  [...law.values()].sort((a, b) => a.value.compare(b.value)).map((e) => `${e.value.toFraction()}:${e.p.toFraction()}`);

describe('sumOfSymmetricCounterexample', () => {
  it('is the uniform law on {(1, 1), (−1, 0), (0, −1)}', () => {
    const J = sumOfSymmetricCounterexample();
    expect(J.atoms.map((a) => `(${a.x.toFraction()},${a.y.toFraction()}):${a.p.toFraction()}`)).toEqual([
      '(1,1):1/3',
      '(-1,0):1/3',
      '(0,-1):1/3',
    ]);
    expect(jointExpectation(J, () => new Fraction(1)).toFraction()).toBe('1');
  });

  it('X and Y are each symmetric (uniform on {−1, 0, 1}), identically distributed', () => {
    const J = sumOfSymmetricCounterexample();
    expect(lawText(marginalLaw(J, 'x'))).toEqual(['-1:1/3', '0:1/3', '1:1/3']);
    expect(lawText(marginalLaw(J, 'y'))).toEqual(['-1:1/3', '0:1/3', '1:1/3']);
    expect(hasSymmetricMarginals(J)).toBe(true);
    expect(isIdenticallyDistributed(J)).toBe(true);
  });

  it('X + Y is not symmetric: P(X + Y = 2) = 1/3 but P(X + Y = −2) = 0, and E[(X + Y)³] = 2 ≠ 0', () => {
    const J = sumOfSymmetricCounterexample();
    const sum = { atoms: J.atoms.map((a) => ({ x: a.x.add(a.y), y: new Fraction(0), p: a.p })) };
    expect(lawText(marginalLaw(sum, 'x'))).toEqual(['-1:2/3', '2:1/3']);
    expect(hasSymmetricMarginals(sum)).toBe(false);
    expect(jointExpectation(J, (x, y) => x.add(y).pow(3)).toFraction()).toBe('2'); // 8/3 − 2/3
  });
});
