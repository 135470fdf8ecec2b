import { describe, expect, it } from 'vitest';
import { minDetectableRelativeDeviation } from './minDetectableRelativeDeviation.ts';
import { minDetectableAbsoluteDeviation } from './minDetectableAbsoluteDeviation.ts';
import { assertEstimateConsistent } from './assertEstimateConsistent.ts';

describe('minDetectableRelativeDeviation', () => {
  it('matches the TSDoc example and is the absolute one over |theory|', () => {
    const r = minDetectableRelativeDeviation({ stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01, power: 0.8 });
    expect(r).toBeCloseTo(0.04671345113119455, 12);
    const abs = minDetectableAbsoluteDeviation({ stderr: 0.04, df: 63, falseAlarm: 0.01, power: 0.8 });
    expect(minDetectableRelativeDeviation({ stderr: 0.04, df: 63, theory: -3, falseAlarm: 0.01, power: 0.8 })).toBeCloseTo(abs / 3, 15);
  });

  it('agrees with the detectable deviation in assertEstimateConsistent records', () => {
    const rec = assertEstimateConsistent({ estimate: 3, stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01, minPower: 0.9 });
    expect(rec.detectableRelativeDeviation).toBeCloseTo(
      minDetectableRelativeDeviation({ stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01, power: 0.9 }), 15);
  });

  it('rejects theory = 0 and bad options under its own name', () => {
    const ok = { stderr: 0.04, df: 63, theory: 3, falseAlarm: 0.01, power: 0.8 };
    expect(() => minDetectableRelativeDeviation({ ...ok, theory: 0 })).toThrow('minDetectableRelativeDeviation: options.theory must be ≠ 0');
    expect(() => minDetectableRelativeDeviation({ ...ok, stderr: -1 })).toThrow('minDetectableRelativeDeviation: options.stderr');
    expect(() => minDetectableRelativeDeviation({ ...ok, theory: Infinity })).toThrow('minDetectableRelativeDeviation: options.theory must be a finite number');
  });
});
