import { describe, expect, it } from 'vitest';
import { benchScale } from './scale.ts';

describe('benchScale', () => {
  it("the issue's sizes by default", () => {
    const s = benchScale({ quick: false, full: false });
    expect(s.fig2).toMatchObject({ images: 50000, width: 10, depth: 100, networks: 32 });
    expect(s.fig3.configs.map((c) => `${c.width}x${c.depth}`)).toEqual(['200x500', '200x100', '10x100']);
    expect(s.fig3).toMatchObject({ batch: 90, evalCount: 10000 });
    expect(s.metainit).toMatchObject({ width: 10, depth: 100, stepsPerInit: 500, batch: 32 });
    expect(s.metainit.steps).toBeLessThan(500);
    expect(s.montecarlo).toMatchObject({ width: 4, depth: 5 });
    expect(s.gemm).toMatchObject({ m: 2000, k: 3072, n: 1000 });
  });
  it('--full: whole MetaInit initialisations', () => {
    const s = benchScale({ quick: false, full: true }).metainit;
    expect(s.steps).toBe(s.stepsPerInit);
  });
  it('--quick: every size smaller', () => {
    const q = benchScale({ quick: true, full: false });
    const d = benchScale({ quick: false, full: false });
    expect(q.fig2.images).toBeLessThan(d.fig2.images);
    expect(q.gemm.m * q.gemm.n).toBeLessThan(d.gemm.m * d.gemm.n);
    expect(q.montecarlo.samples).toBeLessThan(d.montecarlo.samples);
  });
});
