import * as vega from 'vega';
import { describe, expect, it } from 'vitest';
import { decade, POWER_OF_TEN_LABEL, powerOfTenAxis } from './powerOfTenAxis.ts';
import { superscriptPower } from './superscriptPower.ts';

describe('powerOfTenAxis', () => {
  it('covers whole decades with at most maxTicks ticks at a nice step, aligned so 10⁰ is a tick', () => {
    expect(powerOfTenAxis({ min: 2, max: 3e15, maxTicks: 9 }).values).toEqual([1, 1e2, 1e4, 1e6, 1e8, 1e10, 1e12, 1e14, 1e16]);
    expect(powerOfTenAxis({ min: 0.02, max: 300 }).domain).toEqual([0.01, 1000]);
    expect(powerOfTenAxis({ min: 0.02, max: 300 }).values).toEqual([0.01, 0.1, 1, 10, 100, 1000]);
    expect(powerOfTenAxis({ min: 1e-7, max: 1e28, maxTicks: 6 }).values).toEqual([1e-8, 1, 1e8, 1e16, 1e24, 1e32]);
    expect(powerOfTenAxis({ min: 4, max: 5, include: [3] }).domain).toEqual([1, 1000]);
    expect(powerOfTenAxis({ min: 5, max: 5 }).domain).toEqual([1, 10]);
  });

  it('labels ticks 10ᵏ with superscripts, negative exponents included, as vega evaluates the expression', async () => {
    // Evaluated as a vega signal: the same expression parser and functions an axis labelExpr uses.
    const evaluate = async (value: number) => {
      const view = new vega.View(vega.parse({ signals: [{ name: 'out', update: POWER_OF_TEN_LABEL.replace(/datum\.value/g, String(value)) }] }), { renderer: 'none' });
      await view.runAsync();
      const out = view.signal('out');
      view.finalize();
      return out;
    };
    const labels = await Promise.all([1e-12, 1e-3, 1, 10, 1e14, 1e28].map(evaluate));
    expect(labels).toEqual(['10⁻¹²', '10⁻³', '10⁰', '10¹', '10¹⁴', '10²⁸']);
  });

  it('writes captions in the same style and exact decades', () => {
    expect([superscriptPower(-4), superscriptPower(3), superscriptPower(0)]).toEqual(['10⁻⁴', '10³', '10⁰']);
    expect(decade(-4)).toBe(0.0001);
    expect(10 ** -4).not.toBe(0.0001); // why decade exists
  });
});
