import { Fraction } from 'fraction.js';
import { describe, expect, it } from 'vitest';
import { finiteLawVariance } from './finiteLawVariance.ts';

describe('finiteLawVariance', () => {
  it('equals E[f²] − E[f]² computed in exact rationals (dyadic atoms: float64 is exact on them)', () => {
    // Atoms −3/8, 1/8, 5/4 with probabilities 1/4, 1/2, 1/4; f(x) = 2x + 1.
    const atoms: [Fraction, Fraction][] = [
      [new Fraction(-3, 8), new Fraction(1, 4)],
      [new Fraction(1, 8), new Fraction(1, 2)],
      [new Fraction(5, 4), new Fraction(1, 4)],
    ];
    const law = atoms.map(([v, p]) => ({ value: v.valueOf(), p: p.valueOf() }));
    const moment = (k: number, f: (x: Fraction) => Fraction) => atoms.reduce((s, [v, p]) => s.add(p.mul(f(v).pow(k))), new Fraction(0));
    const id = (x: Fraction) => x;
    const affine = (x: Fraction) => x.mul(2).add(1);
    expect(finiteLawVariance(law)).toBe(moment(2, id).sub(moment(1, id).pow(2)).valueOf());
    expect(finiteLawVariance(law, (x) => 2 * x + 1)).toBe(moment(2, affine).sub(moment(1, affine).pow(2)).valueOf());
  });
  it('is 0 for one atom and 1 for a fair ±1 coin', () => {
    expect(finiteLawVariance([{ value: 7, p: 1 }])).toBe(0);
    expect(finiteLawVariance([{ value: -1, p: 0.5 }, { value: 1, p: 0.5 }])).toBe(1);
  });
});
