import { describe, expect, it } from 'vitest';
import { minDetectableAbsoluteDeviation } from './minDetectableAbsoluteDeviation.ts';
import { assertEstimateConsistent } from './assertEstimateConsistent.ts';

describe('minDetectableAbsoluteDeviation', () => {
  it('matches the TSDoc example: ≈ 0.01·(z_0.975 + z_0.8) at df = ∞', () => {
    const d = minDetectableAbsoluteDeviation({ stderr: 0.01, df: Infinity, falseAlarm: 0.05, power: 0.8 });
    expect(d).toBeCloseTo(0.028015817870135795, 14);
    // z_0.975 + z_0.8 = 1.959964 + 0.841621 ignores the far tail Φ(−c−δ) ≈ 1e-6.
    expect(Math.abs(d - 0.01 * (1.959963984540054 + 0.8416212335729143))).toBeLessThan(1e-6);
  });

  it('scales linearly with stderr and grows as df falls', () => {
    const a = minDetectableAbsoluteDeviation({ stderr: 1, df: 63, falseAlarm: 0.01, power: 0.9 });
    expect(minDetectableAbsoluteDeviation({ stderr: 3, df: 63, falseAlarm: 0.01, power: 0.9 }) / a).toBeCloseTo(3, 12);
    expect(minDetectableAbsoluteDeviation({ stderr: 1, df: 15, falseAlarm: 0.01, power: 0.9 })).toBeGreaterThan(a);
    expect(minDetectableAbsoluteDeviation({ stderr: 1, df: Infinity, falseAlarm: 0.01, power: 0.9 })).toBeLessThan(a);
  });

  it('is the design of assertEstimateConsistent: at that deviation the record reports power = target', () => {
    const d = minDetectableAbsoluteDeviation({ stderr: 0.02, df: 63, falseAlarm: 0.001, power: 0.8 });
    const r = assertEstimateConsistent({ estimate: 0, stderr: 0.02, df: 63, theory: 0, falseAlarm: 0.001, absoluteDeviation: d });
    expect(Math.abs((r.power as number) - 0.8)).toBeLessThan(1e-12);
    expect(r.detectableAbsoluteDeviation).toBeCloseTo(d, 15);
  });

  it('rejects bad options, naming the field', () => {
    const ok = { stderr: 0.01, df: 63, falseAlarm: 0.05, power: 0.8 };
    expect(() => minDetectableAbsoluteDeviation({ ...ok, stderr: 0 })).toThrow('minDetectableAbsoluteDeviation: options.stderr must be a finite number > 0, got 0');
    expect(() => minDetectableAbsoluteDeviation({ ...ok, df: 0 })).toThrow('minDetectableAbsoluteDeviation: options.df must be a number > 0');
    expect(() => minDetectableAbsoluteDeviation({ ...ok, falseAlarm: 1.5 })).toThrow('options.falseAlarm');
    expect(() => minDetectableAbsoluteDeviation({ ...ok, power: 0.05 })).toThrow('options.power must exceed options.falseAlarm (0.05), got 0.05');
  });
});

describe('minDetectableAbsoluteDeviation: the power field is named', () => {
  it('power outside (0, 1)', () => {
    expect(() => minDetectableAbsoluteDeviation({ stderr: 1, df: 63, falseAlarm: 0.05, power: 1 })).toThrow(
      /^minDetectableAbsoluteDeviation: options\.power must be a number in \(0, 1\), got 1$/,
    );
  });
});
