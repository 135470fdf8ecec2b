import { describe, expect, it } from 'vitest';
import { invertSummary, summarise, timeRuns } from './stats.ts';

describe('summarise', () => {
  it('odd count: the middle value, min, max, run order kept', () => {
    expect(summarise([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3, runs: 3, values: [3, 1, 2] });
  });
  it('even count: the mean of the two middle values', () => {
    expect(summarise([4, 1, 3, 2]).median).toBe(2.5);
    expect(summarise([5]).median).toBe(5);
  });
  it('five runs with an outlier: the median ignores it', () => {
    const s = summarise([10, 11, 9, 100, 10.5]);
    expect(s.median).toBe(10.5);
    expect(s.max).toBe(100);
    expect(s.min).toBe(9);
  });
  it('rejects no runs and non-finite values', () => {
    expect(() => summarise([])).toThrow(/no runs/);
    expect(() => summarise([1, NaN])).toThrow(/non-finite/);
    expect(() => summarise([Infinity])).toThrow(/non-finite/);
  });
});

describe('invertSummary', () => {
  it('turns seconds into rates, min and max swapped', () => {
    const r = invertSummary(summarise([2, 4, 1]));
    expect(r.median).toBe(0.5);
    expect(r.min).toBe(0.25);
    expect(r.max).toBe(1);
    expect(r.values).toEqual([0.5, 0.25, 1]);
  });
});

describe('timeRuns', () => {
  it('calls the warm-up untimed, then measures units per second per run', () => {
    let calls = 0;
    const seen: number[] = [];
    const s = timeRuns({ runs: 3, warmup: 2, run: () => { calls++; const t = performance.now(); while (performance.now() - t < 2); return 10; }, onRun: (i) => seen.push(i) });
    expect(calls).toBe(5);
    expect(seen).toEqual([0, 1, 2]);
    expect(s.runs).toBe(3);
    expect(s.median).toBeGreaterThan(0);
    expect(s.median).toBeLessThan(10 / 0.002 + 1);
  });
});
