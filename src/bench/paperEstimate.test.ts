import { describe, expect, it } from 'vitest';
import { estimatePaperTime } from './paperEstimate.ts';
import { fakeMeasurement } from './fixtures.ts';

const m = (id: string, median: number) => fakeMeasurement(id, [median]);

describe('estimatePaperTime', () => {
  it('counts the paper grids (330 runs per data set, 330 per Figure 3 width, 41,001 Figure 2 networks) and scales with the rates', () => {
    const base = [m('fig3-train.w10d100.single', 100), m('fig3-train.w200d100.single', 10), m('fig2.single', 10), m('metainit', 20)];
    const e = estimatePaperTime(base, 1)!;
    expect(e.figures.map((f) => [f.name, f.tasks])).toEqual([['fig1-mnist', 330], ['fig1-cifar10', 330], ['fig2', 41001], ['fig3-w10', 330], ['fig3-w200', 330]]);
    // Figure 2 alone: 41,000 networks at 10/s plus 1,000 MetaInit initialisations of 20 s.
    expect(e.figures[2]!.hours).toBeCloseTo((41000 / 10 + 1000 * 20) / 3600, 6);
    // Twice every rate → half the time; two perfectly efficient workers → half again.
    const faster = estimatePaperTime([m('fig3-train.w10d100.single', 200), m('fig3-train.w200d100.single', 20), m('fig2.single', 20), m('metainit', 10)], 1)!;
    expect(faster.totalHours).toBeCloseTo(e.totalHours / 2, 6);
    const grid = estimatePaperTime([...base, m('fig3-train.w200d100.grid', 20), m('fig2.workers', 20)], 2)!;
    expect(grid.figures[4]!.hours).toBeCloseTo(e.figures[4]!.hours / 2, 6);
    expect(e.model).toMatch(/fitted to 100\.0 and 10\.00 steps\/s/);
  });

  it('is null when a rate it needs was not measured', () => {
    expect(estimatePaperTime([m('fig2.single', 10)], 1)).toBeNull();
  });
});
