import { join } from 'node:path';
import { FIGURE1_SCALES, FIGURE3_SCALES } from '../experiments/figures/scales.ts';
import { getPublishedInputStatistics } from '../data/inputStatisticsPublished.ts';
import type { Figure2Record } from '../experiments/figures/runFigure2Task.ts';
import type { TrainingRecord } from '../experiments/figures/runTrainingTask.ts';
import type { Figure1Task, Figure2Task, Figure3Task } from '../experiments/figures/tasks.ts';
import type { ResultRecord } from '../experiments/results/types.ts';
import { figure1Spec, figure2GridSpec, figure3Spec, writeSvg } from '../report/plots/index.ts';
import { writeFileAtomic } from '../report/atomicWrite.ts';
import { figure1Claims, figure2Claims, figure3Claims } from './claims/index.ts';
import type { ClaimResult } from './claims/types.ts';
import { empiricalQuantile } from './empiricalQuantile.ts';
import { figureJobName, type FigureJob } from './figureJobs.ts';
import { INITIALISER_LABELS } from './initialiserLabels.ts';
import type { InputStatisticsByLaw } from './loadExperimentData.ts';
import { outputKurtosis } from './outputKurtosis.ts';

/** A figure's analysis: its claims' verdicts, the SVGs written and the plotted numbers. */
export interface FigureAnalysis {
  readonly name: string;
  readonly job: FigureJob;
  readonly claims: readonly ClaimResult[];
  /** SVG files written (absolute or relative to the cwd, as `svgDir` was given). */
  readonly svgs: readonly string[];
  /** The numbers behind the plot (points, quantiles), also written to `dir/summary.json`. */
  readonly summary: Readonly<Record<string, unknown>>;
}

/** Options of {@link analyseFigure}. */
export interface AnalyseFigureOptions {
  readonly job: FigureJob;
  /** Every record of the job's grid (a complete run, or merged shards). */
  readonly records: readonly ResultRecord[];
  /** The job's directory (summary.json goes there). */
  readonly dir: string;
  /** Where the SVGs go (default `dir`). */
  readonly svgDir?: string;
  /** The data set's display label (e.g. 'CIFAR-10 (JPEG-q75 stand-in)'). */
  readonly datasetLabel: string;
  /** Figure 1: our input statistics of its data set, per He law. */
  readonly inputStatistics?: InputStatisticsByLaw;
  /** Per-claim probability of a wrong decisive verdict (default: the claims' own, 0.05). */
  readonly alpha?: number;
  /** The run the records come from, recorded in summary.json with the job's scale. */
  readonly run?: { readonly seed: number; readonly backend: string; readonly version: string };
}

const PAIR_LABEL = (p: { source: string; dataset: string }) => `${p.source} (${p.dataset === 'mnist' ? 'MNIST' : 'CIFAR-10'} pair)`;

async function analyseFigure1(o: AnalyseFigureOptions, job: Extract<FigureJob, { figure: 'fig1' }>, svgDir: string): Promise<FigureAnalysis> {
  const stats = o.inputStatistics;
  if (stats === undefined) throw new Error('analyseFigure: Figure 1 needs the input statistics of its data set');
  const pairs = getPublishedInputStatistics();
  const rows = o.records.map((r) => {
    const t = r.task as Figure1Task;
    const res = r.result as TrainingRecord;
    const law = stats[t.init];
    const base = { width: t.width, depth: t.depth, weightKurtosis: law.weightKurtosis };
    return {
      width: t.width,
      depth: t.depth,
      init: t.init,
      rep: t.rep,
      status: res.status,
      accuracy: res.accuracy,
      kurtosis: outputKurtosis({ ...base, kappa0: law.kappa0, c0Normalized: law.c0Normalized }),
      published: pairs.map((p) => outputKurtosis({ ...base, kappa0: p.kappa0, c0Normalized: p.c0 })),
    };
  });
  const datasetName = job.dataset === 'mnist' ? 'MNIST' : 'CIFAR-10';
  const claims = figure1Claims({ runs: rows.map((r) => ({ ...r, kurtosis: r.kurtosis })), dataset: datasetName, ...(o.alpha === undefined ? {} : { alpha: o.alpha }) });
  const comparisons = pairs.map((p, i) => ({
    source: PAIR_LABEL(p),
    kappa0: p.kappa0,
    c0: p.c0,
    claims: figure1Claims({ runs: rows.map((r) => ({ ...r, kurtosis: r.published[i]! })), dataset: datasetName, ...(o.alpha === undefined ? {} : { alpha: o.alpha }) }).map((c) => ({
      id: c.id,
      verdict: c.verdict,
      statistics: c.statistics,
    })),
  }));
  const name = figureJobName(job);
  const svgs: string[] = [];
  const plot = async (file: string, kurtosis: (r: (typeof rows)[number]) => number, source: string) => {
    const points = rows
      .filter((r) => Number.isFinite(kurtosis(r)))
      .map((r) => ({ kurtosis: kurtosis(r), accuracy: r.accuracy, status: r.status, initialiser: r.init, width: r.width, depth: r.depth }));
    if (points.length === 0) return;
    const path = join(svgDir, file);
    await writeSvg({ spec: figure1Spec({ points, dataset: o.datasetLabel, kurtosisSource: source, steps: FIGURE1_SCALES[job.scale].training.steps }), path });
    svgs.push(path);
  };
  await plot(`${name}.svg`, (r) => r.kurtosis, 'Prop. 3 recursion from our exact input statistics');
  const codePair = pairs.findIndex((p) => p.source === 'code' && p.dataset === job.dataset);
  await plot(`${name}-code-pair.svg`, (r) => r.published[codePair]!, `Prop. 3 recursion from the authors' code pair (κ0 ${pairs[codePair]!.kappa0.toFixed(3)}, c0 ${pairs[codePair]!.c0.toFixed(3)})`);
  const summary = {
    inputStatistics: stats,
    runs: rows.map(({ published, ...r }) => ({ ...r, publishedKurtosis: Object.fromEntries(pairs.map((p, i) => [PAIR_LABEL(p), published[i]])) })),
    comparisons,
  };
  return { name, job, claims, svgs, summary };
}

async function analyseFigure2(o: AnalyseFigureOptions, job: FigureJob, svgDir: string): Promise<FigureAnalysis> {
  const byInit = new Map<string, { block: number; rec: Figure2Record }[]>();
  for (const r of o.records) {
    const t = r.task as Figure2Task;
    const list = byInit.get(t.init) ?? [];
    list.push({ block: t.block, rec: r.result as Figure2Record });
    byInit.set(t.init, list);
  }
  const variances: Record<string, number[][]> = {};
  for (const [init, list] of byInit) variances[init] = list.sort((a, b) => a.block - b.block).flatMap((b) => b.rec.variances.map((v) => [...v]));
  const claims = figure2Claims({ variances, ...(o.alpha === undefined ? {} : { alpha: o.alpha }) });
  const quantiles: Record<string, { layer: number; q90: number; q99: number; q999: number }[]> = {};
  for (const [init, nets] of Object.entries(variances)) {
    const layers = nets[0]!.length;
    quantiles[init] = Array.from({ length: layers }, (_, layer) => {
      const column = Float64Array.from(nets, (v) => v[layer]!).sort();
      return { layer, q90: empiricalQuantile(column, 0.9), q99: empiricalQuantile(column, 0.99), q999: empiricalQuantile(column, 0.999) };
    });
  }
  const order = ['he-normal', 'glorot-normal', 'orthogonal', 'gsm', 'metainit', 'zero'].filter((i) => quantiles[i] !== undefined);
  const path = join(svgDir, 'fig2.svg');
  await writeSvg({ spec: figure2GridSpec({ panels: order.map((i) => ({ initialiser: INITIALISER_LABELS[i] ?? i, layers: quantiles[i]! })), dataset: o.datasetLabel, columns: 3 }), path });
  const networks = Object.fromEntries(Object.entries(variances).map(([i, v]) => [i, v.length]));
  const images = (o.records[0]?.result as Figure2Record | undefined)?.images ?? null;
  const metainit = o.records.flatMap((r) => ((r.result as Figure2Record).metainit ?? []).map((m) => m));
  return { name: 'fig2', job, claims, svgs: [path], summary: { networks, images, quantiles, metainit } };
}

async function analyseFigure3(o: AnalyseFigureOptions, job: Extract<FigureJob, { figure: 'fig3' }>, svgDir: string): Promise<FigureAnalysis> {
  const runs = o.records.map((r) => {
    const t = r.task as Figure3Task;
    const res = r.result as TrainingRecord;
    return { width: t.width, depth: t.depth, init: t.init, rep: t.rep, status: res.status, accuracy: res.accuracy };
  });
  const claims = figure3Claims({ runs, width: job.width, ...(o.alpha === undefined ? {} : { alpha: o.alpha }) });
  const cells = new Map<string, { init: string; depth: number; acc: number[]; diverged: number }>();
  for (const r of runs) {
    const key = `${r.init}|${r.depth}`;
    const cell = cells.get(key) ?? { init: r.init, depth: r.depth, acc: [], diverged: 0 };
    if (r.status === 'ok' && r.accuracy !== null) cell.acc.push(r.accuracy);
    else cell.diverged += 1;
    cells.set(key, cell);
  }
  const table = [...cells.values()].map((c) => ({
    init: c.init,
    depth: c.depth,
    runs: c.acc.length + c.diverged,
    diverged: c.diverged,
    // Clamped: a float sum / n of equal values can land an ulp above their max (0.1 + 0.1 + 0.1)/3.
    mean: c.acc.length === 0 ? null : Math.min(Math.max(...c.acc), Math.max(Math.min(...c.acc), c.acc.reduce((a, b) => a + b, 0) / c.acc.length)),
    min: c.acc.length === 0 ? null : Math.min(...c.acc),
    max: c.acc.length === 0 ? null : Math.max(...c.acc),
  }));
  const points = table.flatMap((c) => (c.mean === null ? [] : [{ initialiser: INITIALISER_LABELS[c.init] ?? c.init, depth: c.depth, mean: c.mean, min: c.min!, max: c.max! }]));
  const name = figureJobName(job);
  const svgs: string[] = [];
  if (points.length > 0) {
    const path = join(svgDir, `${name}.svg`);
    await writeSvg({ spec: figure3Spec({ points, width: job.width, dataset: o.datasetLabel, steps: FIGURE3_SCALES[job.scale][job.width].training.steps }), path });
    svgs.push(path);
  }
  return { name, job, claims, svgs, summary: { cells: table } };
}

/**
 * Turns a figure's complete records into its claims' verdicts, its SVG(s) and `dir/summary.json`.
 *
 * @example await analyseFigure({ job: { figure: 'fig3', width: 10, scale: 'smoke' }, records, dir: 'out/fig3-w10', datasetLabel: 'CIFAR-10' })
 * // { name: 'fig3-w10', claims: [3 claims], svgs: ['out/fig3-w10/fig3-w10.svg'], … }
 */
export async function analyseFigure(options: AnalyseFigureOptions): Promise<FigureAnalysis> {
  const svgDir = options.svgDir ?? options.dir;
  const { job } = options;
  const analysis =
    job.figure === 'fig1' ? await analyseFigure1(options, job, svgDir) : job.figure === 'fig2' ? await analyseFigure2(options, job, svgDir) : await analyseFigure3(options, job, svgDir);
  const run = options.run === undefined ? {} : { seed: options.run.seed, scale: job.scale, backend: options.run.backend, version: options.run.version };
  writeFileAtomic(join(options.dir, 'summary.json'), `${JSON.stringify({ figure: analysis.name, job, ...run, claims: analysis.claims, ...analysis.summary }, null, 2)}\n`);
  return analysis;
}
