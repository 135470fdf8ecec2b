import { describe, expect, it } from 'vitest';
import { shardTasks } from '../experiments/results/shardTasks.ts';
import { acceptanceJobs, figureJobTasks, type FigureJob } from './figureJobs.ts';
import { acceptanceManifest, figureManifest } from './figureManifest.ts';

const run = { seed: 1, shard: null, version: '0.1.0', backend: 'wasm' } as const;

describe('figureManifest / acceptanceManifest', () => {
  it("counts each shard's tasks as shardTasks does, and pins the whole grid", () => {
    const jobs: FigureJob[] = [{ figure: 'fig1', dataset: 'mnist', scale: 'smoke' }, { figure: 'fig2', scale: 'reduced' }, { figure: 'fig3', width: 200, scale: 'paper' }];
    for (const job of jobs) {
      const all = figureJobTasks(job);
      const whole = figureManifest(job, run);
      expect(whole.tasks).toBe(all.length);
      for (const count of [2, 3, 7, all.length + 1])
        for (let index = 1; index <= count; index++) {
          const m = figureManifest(job, { ...run, shard: { index, count } });
          expect(m.tasks, `${whole.figure} ${index}/${count}`).toBe(shardTasks({ tasks: all, shard: { index, count } }).length);
          expect(m.grid).toEqual(whole.grid);
        }
    }
    const he = figureManifest({ figure: 'fig2', scale: 'smoke', inits: ['he-normal'] }, run);
    expect(he.figure).toBe('fig2');
    expect(he.grid.fingerprint).not.toBe(figureManifest({ figure: 'fig2', scale: 'smoke' }, run).grid.fingerprint);
    expect(figureManifest({ figure: 'fig1', dataset: 'mnist', scale: 'smoke' }, run).grid.fingerprint).not.toBe(figureManifest({ figure: 'fig1', dataset: 'mnist', scale: 'reduced' }, run).grid.fingerprint);
    const acc = acceptanceManifest('smoke', { ...run, shard: { index: 2, count: 3 } });
    expect(acc).toMatchObject({ figure: 'acceptance', scale: 'smoke', shard: { index: 2, count: 3 } });
    expect(acc.grid.tasks).toBe(acceptanceJobs('smoke').reduce((n, j) => n + figureJobTasks(j).length, 0));
    expect(acc.tasks).toBe(acceptanceJobs('smoke').reduce((n, j) => n + shardTasks({ tasks: figureJobTasks(j), shard: { index: 2, count: 3 } }).length, 0));
  });
});
