import { describe, it, expect } from 'vitest';
import type { Fraction } from 'fraction.js';
import { q } from '../algebra/rational.ts';
import { discreteSymmetric } from './discreteSymmetric.ts';
import { sampleMany } from './sampleMany.ts';
import { sampleZScores } from './internal/sampleChecks.ts';

describe('discreteSymmetric', () => {
  // Built inside each test (not at collection time), so that every test exercises the constructor.
  const make = () => discreteSymmetric({
    positiveAtoms: [
      { value: q(3, 2), probability: q(1, 4) },
      { value: q(1), probability: q(1, 2) },
    ],
    zeroProbability: q(1, 4),
  });

  it('symmetrizes the positive atoms (p/2 each side) and lists the full support in order', () => {
    const d = make();
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
    const d = make();
    // E[x²] = 1/2 + 9/16 = 17/16; E[x⁴] = 1/2 + 81/64 = 113/64; κ = (113/64)/(289/256) = 452/289
    expect(d.exact.variance.toFraction()).toBe('17/16');
    expect(d.exact.fourthMoment.toFraction()).toBe('113/64');
    expect(d.exact.kurtosis.toFraction()).toBe('452/289');
    expect(d.kurtosis).toBeCloseTo(452 / 289, 15);
    expect(d.exactHalfLineMoment(2).mul(2).equals(d.exact.variance)).toBe(true);
    expect(d.exactHalfLineMoment(4).mul(2).equals(d.exact.fourthMoment)).toBe(true);
    // E[x²; x > 0] = 1/4·1 + 1/8·9/4 = 17/32, E[x⁴; x > 0] = 1/4 + 1/8·81/16 = 113/128.
    expect(d.halfLineMoment(2)).toBe(17 / 32);
    expect(d.halfLineMoment(4)).toBe(113 / 128);
    expect([d.variance, d.fourthMoment]).toEqual([17 / 16, 113 / 64]);
  });

  it('samples exactly from the atoms, with frequencies within 6 standard errors (n = 20000)', () => {
    const d = make();
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
    expect(() => discreteSymmetric({ positiveAtoms: [] })).toThrow('discreteSymmetric: options.positiveAtoms must be a non-empty array, got ');
    expect(() => discreteSymmetric({ positiveAtoms: 'x' as unknown as [] })).toThrow('discreteSymmetric: options.positiveAtoms must be a non-empty array, got x');
    expect(() => discreteSymmetric(undefined as unknown as { positiveAtoms: [] })).toThrow('discreteSymmetric: options.positiveAtoms must be a non-empty array, got undefined');
    expect(() => discreteSymmetric({ positiveAtoms: [null as unknown as { value: Fraction; probability: Fraction }] })).toThrow(
      'discreteSymmetric: options.positiveAtoms[0].value must be a Fraction > 0, got undefined',
    );
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: 1 as unknown as Fraction, probability: q(1) }] })).toThrow(
      'discreteSymmetric: options.positiveAtoms[0].value must be a Fraction > 0, got 1',
    );
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(0), probability: q(1) }] })).toThrow('options.positiveAtoms[0].value must be a Fraction > 0, got 0');
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: 1 as unknown as Fraction }] })).toThrow(
      'discreteSymmetric: options.positiveAtoms[0].probability must be a Fraction > 0, got 1',
    );
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(-1, 2) }], zeroProbability: q(3, 2) })).toThrow(
      'options.positiveAtoms[0].probability must be a Fraction > 0, got -0.5',
    );
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(1, 2) }], zeroProbability: 0.5 as unknown as Fraction })).toThrow(
      'discreteSymmetric: options.zeroProbability must be a Fraction >= 0, got 0.5',
    );
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(3, 2) }] })).toThrow('probabilities must sum to exactly 1, got 3/2');
    // The zero atom may carry mass 0 (then it is not listed) and the label still names the atoms.
    const noZero = discreteSymmetric({ positiveAtoms: [{ value: q(2), probability: q(1) }], zeroProbability: q(0) });
    expect(noZero.atoms.map((a) => a.value.toFraction())).toEqual(['-2', '2']);
    expect(noZero.name).toBe('discrete(±2:1)');
    expect(() => discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(1, 2) }, { value: 3 as unknown as Fraction, probability: q(1, 2) }] })).toThrow(
      'options.positiveAtoms[1].value must be a Fraction > 0, got 3',
    );
    expect(() =>
      discreteSymmetric({ positiveAtoms: [{ value: q(1), probability: q(3, 2) }], zeroProbability: q(-1, 2) }),
    ).toThrow('options.zeroProbability must be a Fraction >= 0');
  });

  it('samples denominators that differ (1/3, 1/5, 7/15 → D = 30) with the exact frequencies (n = 30000, 6 SE)', () => {
    const d = discreteSymmetric({
      positiveAtoms: [
        { value: q(1), probability: q(1, 3) },
        { value: q(2), probability: q(1, 5) },
      ],
      zeroProbability: q(7, 15),
    });
    const xs = sampleMany(d, { seed: 73, n: 30000 });
    for (const [v, p] of [[-2, 1 / 10], [-1, 1 / 6], [0, 7 / 15], [1, 1 / 6], [2, 1 / 10]] as const) {
      const count = xs.filter((x) => x === v).length;
      expect(Math.abs(count - 30000 * p) / Math.sqrt(30000 * p * (1 - p)), String(v)).toBeLessThan(6);
    }
    expect(xs.every((x) => [-2, -1, 0, 1, 2].includes(x))).toBe(true);
  });
});
