import { describe, it, expect } from 'vitest';
import { q } from '../algebra/rational.ts';
import { discreteSymmetric } from './discreteSymmetric.ts';
import { sampleMany } from './sampleMany.ts';
import { sampleZScores } from './internal/sampleChecks.ts';

describe('discreteSymmetric', () => {
  const d = discreteSymmetric({
    positiveAtoms: [
      { value: q(3, 2), probability: q(1, 4) },
      { value: q(1), probability: q(1, 2) },
    ],
    zeroProbability: q(1, 4),
  });

  it('symmetrizes the positive atoms (p/2 each side) and lists the full support in order', () => {
    expect(d.atoms.map((a) => `${a.value.toFraction()}:${a.probability.toFraction()}`)).toEqual([
      '-3/2:1/8',
      '-1:1/4',
      '0:1/4',
      '1:1/4',
      '3/2:1/8',
    ]);
    expect(d.name).toBe('discrete(±1:1/2, ±3/2:1/4, 0:1/4)');
  });

  it('has exact moments E[x²] = Σp v², E[x⁴] = Σp v⁴ and raw kurtosis E[x⁴]/E[x²]²', () => {
    // E[x²] = 1/2 + 9/16 = 17/16; E[x⁴] = 1/2 + 81/64 = 113/64; κ = (113/64)/(289/256) = 452/289
    expect(d.exact.variance.toFraction()).toBe('17/16');
    expect(d.exact.fourthMoment.toFraction()).toBe('113/64');
    expect(d.exact.kurtosis.toFraction()).toBe('452/289');
    expect(d.kurtosis).toBeCloseTo(452 / 289, 15);
    expect(d.exactHalfLineMoment(2).mul(2).equals(d.exact.variance)).toBe(true);
    expect(d.exactHalfLineMoment(4).mul(2).equals(d.exact.fourthMoment)).toBe(true);
  });

  it('samples exactly from the atoms, with frequencies within 6 standard errors (n = 20000)', () => {
    const xs = sampleMany(d, { seed: 71, n: 20000 });
    for (const a of d.atoms) {
      const p = a.probability.valueOf();
      const count = xs.filter((x) => x === a.value.valueOf()).length;
      expect(Math.abs(count - 20000 * p) / Math.sqrt(20000 * p * (1 - p))).toBeLessThan(6);
    }
    const z = sampleZScores(d, { seed: 72, n: 20000 });
    expect(Math.abs(z.zMean)).toBeLessThan(6);
    expect(Math.abs(z.zMeanSquare)).toBeLessThan(6);
  });

  it('validates its input, naming the field', () => {
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(1, 2) }] })).toThrow(
      'discreteSymmetric: probabilities must sum to exactly 1, got 1/2',
    );
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(-1), probability: q(1) }] })).toThrow(
      'discreteSymmetric: options.positiveAtoms[0].value must be a Fraction > 0',
    );
    expect(() =>
      discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(0) }], zeroProbability: q(1) }),
    ).toThrow('options.positiveAtoms[0].probability must be a Fraction > 0');
    expect(() =>
      discreteSymmetric({
        positiveAtoms: [
          { value: q(1), probability: q(1, 2) },
          { value: q(2, 2), probability: q(1, 2) },
        ],
      }),
    ).toThrow('options.positiveAtoms[1].value duplicates 1');
    expect(() => discreteSymmetric({ positiveAtoms: [] })).toThrow('options.positiveAtoms must be a non-empty array');
    expect(() =>
      discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(3, 2) }], zeroProbability: q(-1, 2) }),
    ).toThrow('options.zeroProbability must be a Fraction >= 0');
  });
});
