import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { taskKey } from '../experiments/results/taskKey.ts';
import { renderSvg } from '../report/plots/index.ts';
import { analyseFigure } from './analyseFigure.ts';
import { replotReports } from './replotReports.ts';
import { summaryFigures } from './summaryFigures.ts';

const dir = mkdtempSync(join(tmpdir(), 'vv-replot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('summaryFigures', () => {
  it('re-draws Figure 3 from summary.json exactly as analyseFigure drew it from the records', async () => {
    const records = [0, 1, 2].flatMap((rep) =>
      ['he-normal', 'zero'].flatMap((init) =>
        [0, 10].map((depth) => {
          const task = { figure: 'fig3', scale: 'smoke', width: 10, depth, init, rep };
          return { key: taskKey(task), seed: 1, task, result: { status: 'ok', accuracy: 0.1 + 0.01 * rep + (init === 'zero' ? 0.2 : 0) + depth / 1000 } };
        }),
      ),
    );
    const out = join(dir, 'fig3');
    const a = await analyseFigure({ job: { figure: 'fig3', width: 10, scale: 'smoke' }, records, dir: out, datasetLabel: 'CIFAR-10' });
    const figures = summaryFigures({ summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')), datasetLabel: 'CIFAR-10' });
    expect(figures.map((f) => f.file)).toEqual(['fig3-w10.svg']);
    expect((await renderSvg(figures[0]!.spec)) + '\n').toBe(readFileSync(a.svgs[0]!, 'utf8'));
    expect(existsSync(a.svgs[0]!.replace(/\.svg$/, '.png'))).toBe(true);
  });

  it('re-draws Figure 2 from summary.json exactly as analyseFigure drew it', async () => {
    const records = ['he-normal', 'zero'].map((init, k) => {
      const task = { figure: 'fig2', scale: 'smoke', init, block: 0 };
      const variances = Array.from({ length: 20 }, (_, n) => Array.from({ length: 11 }, (_, l) => (k === 1 ? 1 : (1 + n / 10) * 0.5 ** l)));
      return { key: taskKey(task), seed: 1, task, result: { from: 0, images: 100, variances } };
    });
    const out = join(dir, 'fig2');
    const a = await analyseFigure({ job: { figure: 'fig2', scale: 'smoke' }, records, dir: out, datasetLabel: 'CIFAR-10' });
    const figures = summaryFigures({ summary: JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')), datasetLabel: 'CIFAR-10' });
    expect(figures.map((f) => f.file)).toEqual(['fig2.svg']);
    expect((await renderSvg(figures[0]!.spec)) + '\n').toBe(readFileSync(a.svgs[0]!, 'utf8'));
  });

  it('names what a summary lacks', () => {
    expect(() => summaryFigures({ summary: {}, datasetLabel: 'x' })).toThrow(/no job\.figure/);
    expect(() => summaryFigures({ summary: { job: { figure: 'fig2' } }, datasetLabel: 'x' })).toThrow(/needs quantiles/);
    expect(() => summaryFigures({ summary: { job: { figure: 'fig9' } }, datasetLabel: 'x' })).toThrow(/unknown figure/);
  });
});

describe('replotReports', () => {
  it('re-draws a committed report in place, SVG and PNG, taking the data set label from the existing SVG', async () => {
    const root = join(dir, 'reports');
    mkdirSync(join(root, 'fig3-w10'), { recursive: true });
    copyFileSync('reports/acceptance-reduced/fig3-w10/summary.json', join(root, 'fig3-w10', 'summary.json'));
    copyFileSync('reports/acceptance-reduced/fig3-w10.svg', join(root, 'fig3-w10.svg'));
    const label = /Dataset: (.+?)\. /.exec(readFileSync(join(root, 'fig3-w10.svg'), 'utf8'))![1];
    expect(await replotReports([join(root, 'fig3-w10', 'summary.json')])).toBe(0);
    const svg = readFileSync(join(root, 'fig3-w10.svg'), 'utf8');
    expect(svg).toContain(`Dataset: ${label}. `);
    expect(svg).toContain('min–max over repetitions');
    expect(readFileSync(join(root, 'fig3-w10.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('exits 2 on a missing summary or no label, writing nothing', async () => {
    expect(await replotReports([join(dir, 'nope.json')])).toBe(2);
    const lone = join(dir, 'lone');
    mkdirSync(lone, { recursive: true });
    copyFileSync('reports/acceptance-reduced/fig3-w10/summary.json', join(lone, 'summary.json'));
    expect(await replotReports([join(lone, 'summary.json')])).toBe(2);
    expect(existsSync(join(lone, 'fig3-w10.svg'))).toBe(false);
    expect(await replotReports([])).toBe(2);
  });
});
