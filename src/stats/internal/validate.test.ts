import { describe, expect, it } from 'vitest';
import { checkDegreesOfFreedom, checkFinite, checkInteger, checkOpenProbability, checkPositiveFinite, finiteOrNull } from './validate.ts';

describe('validate: shared option checks', () => {
  it('checkOpenProbability: accepts (0, 1), rejects its ends, NaN, ±Infinity and non-numbers, naming api and field', () => {
    expect(checkOpenProbability('api', 'f', 0.5)).toBe(0.5);
    for (const v of [0, 1, -0.1, 1.1, Number.NaN, Infinity, -Infinity, '0.5', null, undefined]) {
      expect(() => checkOpenProbability('api', 'f', v), String(v)).toThrow(new RegExp(`^api: options\\.f must be a number in \\(0, 1\\), got ${String(v)}$`));
    }
  });

  it('checkPositiveFinite: accepts finite > 0 only', () => {
    expect(checkPositiveFinite('api', 'f', 1e-300)).toBe(1e-300);
    for (const v of [0, -1, Number.NaN, Infinity, '2']) {
      expect(() => checkPositiveFinite('api', 'f', v), String(v)).toThrow(new RegExp(`^api: options\\.f must be a finite number > 0, got ${String(v)}$`));
    }
  });

  it('checkFinite: accepts any finite number', () => {
    expect(checkFinite('api', 'f', -3)).toBe(-3);
    for (const v of [Number.NaN, -Infinity, '2']) {
      expect(() => checkFinite('api', 'f', v), String(v)).toThrow(new RegExp(`^api: options\\.f must be a finite number, got ${String(v)}$`));
    }
  });

  it('checkDegreesOfFreedom: accepts > 0 including Infinity; rejects NaN, ≤ 0 and a numeric string', () => {
    expect(checkDegreesOfFreedom('api', 'df', Infinity)).toBe(Infinity);
    expect(checkDegreesOfFreedom('api', 'df', 0.5)).toBe(0.5);
    for (const v of [Number.NaN, 0, -Infinity, '5']) {
      expect(() => checkDegreesOfFreedom('api', 'df', v), String(v)).toThrow(
        new RegExp(`^api: options\\.df must be a number > 0 \\(Infinity for a known stderr\\), got ${String(v)}$`),
      );
    }
  });

  it('checkInteger: integers ≥ min only', () => {
    expect(checkInteger('api', 'n', 3, 3)).toBe(3);
    for (const v of [2, 3.5, Number.NaN, Infinity, '4']) {
      expect(() => checkInteger('api', 'n', v, 3), String(v)).toThrow(new RegExp(`^api: options\\.n must be an integer >= 3, got ${String(v)}$`));
    }
  });

  it('finiteOrNull maps NaN, ±Infinity, null and undefined to null', () => {
    expect(finiteOrNull(-2.5)).toBe(-2.5);
    for (const v of [Number.NaN, Infinity, -Infinity, null, undefined]) expect(finiteOrNull(v)).toBeNull();
  });
});
