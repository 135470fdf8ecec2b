import { isAbsolute, relative, resolve } from 'node:path';
import { figure2InputStatistics } from '../acceptance/fig2Prediction/figure2InputStatistics.ts';
import { figure2PredictionReport } from '../acceptance/fig2Prediction/figure2PredictionReport.ts';
import { readFigure2Summary } from '../acceptance/fig2Prediction/readFigure2Summary.ts';
import { writeFigure2Prediction } from '../acceptance/fig2Prediction/writeFigure2Prediction.ts';
import { loadCifar10 } from '../data/loadCifar10.ts';
import { UsageError } from './args.ts';
import type { Writer } from './main.ts';

/** Options of `vv fig2-prediction`. */
export interface Fig2PredictionOptions {
  readonly summary?: string;
  readonly out?: string;
  readonly dataDir?: string;
  readonly results?: string;
  readonly json?: boolean;
}

const fmt = (x: number) => (x === 0 ? '0' : Math.abs(Math.log10(Math.abs(x))) < 4 ? x.toPrecision(3) : x.toExponential(2));
const fmtLog = (lg: number) => (lg > -300 ? fmt(10 ** lg) : `1e${lg.toPrecision(4)}`);

/**
 * `vv fig2-prediction --summary FILE --out DIR [--data-dir DIR] [--json]`: Section 5's Gamma-law
 * prediction of Figure 2's He-normal quantiles (from the CIFAR-10 input statistics of the images
 * the run used) beside the summary's measured ones, a verdict per layer, and DIR/fig2-prediction.{json,svg,png}.
 * Bad arguments or an unreadable summary: one line, exit 2, nothing written. Returns 0 otherwise
 * (whatever the verdicts).
 */
export async function fig2PredictionCommand(o: Fig2PredictionOptions, io: { stdout: Writer; cwd: string; env?: Readonly<Record<string, string | undefined>> }): Promise<number> {
  if (o.summary === undefined || o.summary.trim() === '') throw new UsageError('--summary FILE is required (a Figure 2 summary.json)');
  if (o.out === undefined || o.out.trim() === '') throw new UsageError('--out DIR is required');
  if (o.dataDir !== undefined && o.dataDir.trim() === '') throw new UsageError('--data-dir must not be empty');
  if (o.results !== undefined && o.results.trim() === '') throw new UsageError('--results must not be empty');
  const abs = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
  const summaryPath = abs(o.summary);
  const summary = readFigure2Summary(summaryPath, 'he-normal'); // fails (one line) before the data are read
  const dataset = loadCifar10({ ...(o.dataDir !== undefined ? { dataDir: abs(o.dataDir) } : {}), ...(io.env !== undefined ? { env: io.env } : {}) });
  const inputs = figure2InputStatistics(dataset, summary.images);
  const resultsPath = o.results !== undefined ? abs(o.results) : undefined;
  const report = figure2PredictionReport({ summaryPath, inputs, summaryLabel: relative(io.cwd, summaryPath) || summaryPath, ...(resultsPath !== undefined ? { resultsPath, resultsLabel: o.results! } : {}) });
  const files = await writeFigure2Prediction(abs(o.out), report);
  const c = report.comparison;
  if (o.json === true) {
    io.stdout.write(JSON.stringify({ files, summary: report.summary, inputs: report.inputs, refutedLayers: c.refutedLayers, supportedLayers: c.supportedLayers, falseRefutation: c.falseRefutation, layers: c.layers.map((l) => ({ layer: l.layer, kappa: l.kappa, verdict: l.verdict, levels: l.levels.map((x) => ({ level: x.level, predictedLog10: x.predictedLog10, measured: x.measured, lower: x.interval.lower, upper: String(x.interval.upper), side: x.side })) })) }) + '\n');
    return 0;
  }
  const lines = [
    `Section 5's Gamma law against Figure 2 (He-normal, ${summary.networks} networks over ${summary.images} images; ${dataset.label}: σ² = ${inputs.sigma2.toPrecision(5)}, κ₀ = ${inputs.kappa0.toPrecision(5)}, c₀/σ⁴ = ${inputs.c0Normalized.toPrecision(4)})`,
    `layer  κ_l        ${['q0.9', 'q0.99', 'q0.999'].map((q) => `${q} predicted / measured`.padEnd(34)).join('')}verdict`,
    ...c.layers
      .filter((l) => l.layer % 10 === 0 || l.layer === c.layers.length - 1)
      .map((l) => `${String(l.layer).padStart(5)}  ${fmt(l.kappa).padEnd(9)}  ${l.levels.map((x) => `${fmtLog(x.predictedLog10)} / ${fmt(x.measured)} (${x.side})`.padEnd(34)).join('')}${l.verdict}`),
    `refuted at ${c.refutedLayers} of ${c.layers.length} layers; intervals distribution-free, ${c.method === 'bracket' ? 'bracketed by the other measured quantiles' : "order statistics of the networks' values"} (smallest coverage ${c.minCoverage.toPrecision(6)}); P(any false refutation) ≤ ${c.falseRefutation.toExponential(2)} (Bonferroni over ${c.layers.length * 3} intervals)`,
    `wrote ${files.join(', ')}`,
  ];
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}
