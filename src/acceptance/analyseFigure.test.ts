import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { taskKey } from '../experiments/results/taskKey.ts';
import { analyseFigure } from './analyseFigure.ts';

describe('analyseFigure (Figure 3)', () => {
  it('plots a cell whose repetitions are all equal (0.1 three times: the float mean exceeds the max by an ulp) and counts diverged runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vv-an-'));
    try {
      const records = [0, 1, 2].flatMap((rep) =>
        ['he-normal', 'zero'].map((init) => {
          const task = { figure: 'fig3', scale: 'smoke', width: 10, depth: 10, init, rep };
          const diverged = init === 'he-normal' && rep === 2;
          return { key: taskKey(task), seed: 1, task, result: { status: diverged ? 'diverged' : 'ok', accuracy: diverged ? null : init === 'zero' ? 0.3 : 0.1 } };
        }),
      );
      const a = await analyseFigure({ job: { figure: 'fig3', width: 10, scale: 'smoke' }, records, dir, datasetLabel: 'CIFAR-10' });
      expect(readFileSync(a.svgs[0]!, 'utf8')).toMatch(/^<svg/);
      const cells = (a.summary as { cells: { init: string; mean: number; max: number; diverged: number }[] }).cells;
      const he = cells.find((c) => c.init === 'he-normal')!;
      expect(he.mean).toBeLessThanOrEqual(he.max);
      expect(he.diverged).toBe(1);
      expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).figure).toBe('fig3-w10');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
