import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../report/atomicWrite.ts';
import { figure2PredictionSpec, writeSvg } from '../../report/plots/index.ts';
import type { Figure2PredictionReport } from './figure2PredictionReport.ts';

/**
 * Writes `DIR/fig2-prediction.json` (the report, infinities as the string "Infinity") and
 * `DIR/fig2-prediction.svg` + `.png` (predicted against measured, `figure2PredictionSpec`); the
 * figure first, the JSON last, each atomically. Resolves to the paths written.
 *
 * @example await writeFigure2Prediction('reports/fig2-paper', report) // ['…/fig2-prediction.svg', '…/fig2-prediction.png', '…/fig2-prediction.json']
 */
export async function writeFigure2Prediction(dir: string, report: Figure2PredictionReport): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const svg = join(dir, 'fig2-prediction.svg');
  const spec = figure2PredictionSpec({
    initialiser: 'He-normal',
    dataset: `${report.inputs.dataset}, ${report.summary.networks.toLocaleString('en-US')} networks, ${report.summary.images.toLocaleString('en-US')} images`,
    layers: report.comparison.layers.map((l) => ({
      layer: l.layer,
      measured: [l.levels[0]!.measured, l.levels[1]!.measured, l.levels[2]!.measured],
      predictedLog10: [l.levels[0]!.predictedLog10, l.levels[1]!.predictedLog10, l.levels[2]!.predictedLog10],
    })),
    note: `Refuted at ${report.comparison.refutedLayers} of ${report.comparison.layers.length} layers (intervals: ${report.comparison.method === 'bracket' ? 'bracketed by the measured quantiles' : 'order statistics, Bonferroni 0.05'}).`,
  });
  await writeSvg({ spec, path: svg });
  const json = join(dir, 'fig2-prediction.json');
  writeFileAtomic(json, JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2) + '\n');
  return [svg, svg.replace(/\.svg$/, '.png'), json];
}
