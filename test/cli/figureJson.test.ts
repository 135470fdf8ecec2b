import { describe, expect, it } from 'vitest';
import type { FigureOutcome } from '../../src/acceptance/runAcceptance.ts';
import { figureOutcomesJson } from '../../src/cli/figureJson.ts';
import { cleanupTempDirs, runMain, tempDir } from './helpers.ts';
import { afterAll } from 'vitest';

afterAll(cleanupTempDirs);

describe('figureOutcomesJson', () => {
  it('one entry per figure with its claims; null for what is absent', () => {
    const outcomes = [
      {
        name: 'fig1-mnist',
        job: { figure: 'fig1', dataset: 'mnist', scale: 'smoke' },
        status: 'complete',
        tasks: 8,
        done: 8,
        ran: 8,
        seconds: 12.5,
        analysis: { name: 'fig1-mnist', job: { figure: 'fig1', dataset: 'mnist', scale: 'smoke' }, svgs: ['a.svg'], summary: {}, claims: [{ id: 'fig1.mnist.x', figure: 'fig1', scope: 'MNIST', statement: 's', method: 'm', falseAlarm: 0.01, verdict: 'supported', reason: 'because' }] },
      },
      { name: 'fig2', job: { figure: 'fig2', scale: 'smoke' }, status: 'unavailable', tasks: 0, done: 0, ran: 0, seconds: 0, reason: 'no CIFAR-10' },
    ] as unknown as FigureOutcome[];
    expect(JSON.parse(figureOutcomesJson(outcomes))).toEqual({
      figures: [
        { name: 'fig1-mnist', status: 'complete', tasks: 8, done: 8, ran: 8, seconds: 12.5, reason: null, svgs: ['a.svg'], claims: [{ id: 'fig1.mnist.x', scope: 'MNIST', verdict: 'supported', reason: 'because' }] },
        { name: 'fig2', status: 'unavailable', tasks: 0, done: 0, ran: 0, seconds: 0, reason: 'no CIFAR-10', svgs: [], claims: [] },
      ],
    });
  });

  it('vv fig1 --json (one shard of the smoke grid): the document on stdout, exit 0', async () => {
    const cwd = tempDir();
    const r = await runMain(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--shard', '1/8', '--jobs', '1', '--json', '--out', 'out'], { cwd, env: { VV_BACKEND: 'cpu' } });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { figures: { name: string; status: string; done: number; tasks: number }[] };
    expect(doc.figures).toHaveLength(1);
    expect(doc.figures[0]).toMatchObject({ name: 'fig1-mnist', status: 'sharded', done: 1, tasks: 1 });
  }, 300_000);
});
