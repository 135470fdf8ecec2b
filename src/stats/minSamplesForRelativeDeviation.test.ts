import { describe, expect, it } from 'vitest';
import { minSamplesForRelativeDeviation } from './minSamplesForRelativeDeviation.ts';
import { minDetectableRelativeDeviation } from './minDetectableRelativeDeviation.ts';

describe('minSamplesForRelativeDeviation', () => {
  const pilot = { pilotStderr: 0.1, pilotSamples: 1000, theory: 3, falseAlarm: 0.05, power: 0.8, relativeDeviation: 0.05 };

  it('matches the TSDoc example (3489; by hand 1000·(0.1·2.80158/0.15)² = 3488.4)', () => {
    expect(minSamplesForRelativeDeviation(pilot)).toBe(3489);
  });

  it('is the smallest n whose projected stderr pilot·√(n₀/n) detects the deviation', () => {
    for (const df of [Infinity, 63, 15]) {
      const n = minSamplesForRelativeDeviation({ ...pilot, df });
      const at = (m: number) => minDetectableRelativeDeviation({ stderr: 0.1 * Math.sqrt(1000 / m), df, theory: 3, falseAlarm: 0.05, power: 0.8 });
      expect(at(n), `df ${df}, n ${n}`).toBeLessThanOrEqual(0.05);
      expect(at(n - 1), `df ${df}, n ${n}`).toBeGreaterThan(0.05);
    }
    expect(minSamplesForRelativeDeviation({ ...pilot, df: 63 })).toBeGreaterThan(minSamplesForRelativeDeviation(pilot));
  });

  it('halving the deviation quadruples n (up to the ceiling); at least 1', () => {
    const n1 = minSamplesForRelativeDeviation(pilot);
    const n2 = minSamplesForRelativeDeviation({ ...pilot, relativeDeviation: 0.025 });
    expect(Math.abs(n2 - 4 * n1)).toBeLessThanOrEqual(4);
    expect(minSamplesForRelativeDeviation({ ...pilot, pilotStderr: 1e-9 })).toBe(1);
  });

  it('rejects bad options, naming the field', () => {
    expect(() => minSamplesForRelativeDeviation({ ...pilot, pilotSamples: 0 })).toThrow('minSamplesForRelativeDeviation: options.pilotSamples must be an integer >= 1, got 0');
    expect(() => minSamplesForRelativeDeviation({ ...pilot, pilotStderr: Number.NaN })).toThrow('options.pilotStderr');
    expect(() => minSamplesForRelativeDeviation({ ...pilot, theory: 0 })).toThrow('options.theory must be ≠ 0');
    expect(() => minSamplesForRelativeDeviation({ ...pilot, relativeDeviation: 0 })).toThrow('options.relativeDeviation');
    expect(() => minSamplesForRelativeDeviation({ ...pilot, df: -1 })).toThrow('options.df');
    expect(() => minSamplesForRelativeDeviation({ ...pilot, power: 0.01 })).toThrow('options.power must exceed');
  });
});

describe('minSamplesForRelativeDeviation: option errors name each field', () => {
  const pilot = { pilotStderr: 0.1, pilotSamples: 1000, theory: 3, falseAlarm: 0.05, power: 0.8, relativeDeviation: 0.05 };
  it('theory, falseAlarm, power; power equal to falseAlarm is refused', () => {
    expect(() => minSamplesForRelativeDeviation({ ...pilot, theory: Infinity })).toThrow(/^minSamplesForRelativeDeviation: options\.theory must be a finite number, got Infinity$/);
    expect(() => minSamplesForRelativeDeviation({ ...pilot, falseAlarm: 0 })).toThrow(/^minSamplesForRelativeDeviation: options\.falseAlarm must be a number in \(0, 1\), got 0$/);
    expect(() => minSamplesForRelativeDeviation({ ...pilot, power: 1 })).toThrow(/^minSamplesForRelativeDeviation: options\.power must be a number in \(0, 1\), got 1$/);
    expect(() => minSamplesForRelativeDeviation({ ...pilot, power: 0.05 })).toThrow(
      /^minSamplesForRelativeDeviation: options\.power must exceed options\.falseAlarm \(0\.05\), got 0\.05$/,
    );
  });
});
