import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCifar10 } from '../../src/data/loadCifar10.ts';
import { DataError } from '../../src/data/types.ts';
import { packagePath } from '../../src/paths/packagePath.ts';
import { cleanupTempDirs, listFiles, runMain, tempDir } from './helpers.ts';

function cifar10Available(): boolean {
  try {
    loadCifar10({ env: {} });
    return true;
  } catch (error) {
    if (error instanceof DataError) return false;
    throw error;
  }
}
const hasCifar10 = cifar10Available();
if (!hasCifar10) console.warn('vv fig2-prediction: no CIFAR-10 copy found (./data, ../shared stand-in): its end-to-end test is skipped');

afterAll(cleanupTempDirs);
const summary = packagePath('reports/fig2-paper/summary.json');

describe('vv fig2-prediction: bad input is one line, exit 2, nothing written', () => {
  const cases: [string, (dir: string) => string[], RegExp][] = [
    ['no --summary', (d) => ['fig2-prediction', '--out', join(d, 'out')], /--summary FILE is required/],
    ['no --out', () => ['fig2-prediction', '--summary', summary], /--out DIR is required/],
    ['a missing summary', (d) => ['fig2-prediction', '--summary', join(d, 'none.json'), '--out', join(d, 'out')], /cannot read .*none\.json: ENOENT/],
    ['a summary of another figure', (d) => (writeFileSync(join(d, 'f1.json'), '{"figure":"fig1"}'), ['fig2-prediction', '--summary', join(d, 'f1.json'), '--out', join(d, 'out')]), /not a Figure 2 summary/],
    ['an empty --results', (d) => ['fig2-prediction', '--summary', summary, '--out', join(d, 'out'), '--results', ''], /--results needs a value/],
    ['an unknown option', (d) => ['fig2-prediction', '--summary', summary, '--out', join(d, 'out'), '--bogus'], /unknown option '--bogus'/],
  ];
  for (const [name, argv, message] of cases) {
    it(name, async () => {
      const d = tempDir('vv-f2p-');
      const r = await runMain(argv(d), { env: {} });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('vv: error')).length).toBe(1);
      expect(existsSync(join(d, 'out'))).toBe(false);
    });
  }
});

describe.skipIf(!hasCifar10)('vv fig2-prediction on the committed paper-scale summary', () => {
  it('prints the per-layer table and writes fig2-prediction.{json,svg,png}', async () => {
    const d = tempDir('vv-f2p-');
    const r = await runMain(['fig2-prediction', '--summary', summary, '--out', d], { env: {} });
    expect(r.code, r.stderr).toBe(0);
    expect(listFiles(d)).toEqual(['fig2-prediction.json', 'fig2-prediction.png', 'fig2-prediction.svg']);
    expect(r.stdout).toMatch(/^\s+0\s+3\.85\s/m);
    const report = JSON.parse(readFileSync(join(d, 'fig2-prediction.json'), 'utf8')) as { comparison: { layers: { verdict: string }[]; refutedLayers: number } };
    expect(report.comparison.layers).toHaveLength(101);
    expect(report.comparison.refutedLayers).toBe(report.comparison.layers.filter((l) => l.verdict === 'refuted').length);
    expect(r.stdout).toContain(`refuted at ${report.comparison.refutedLayers} of 101 layers`);
  }, 120_000);
});
