import type { TopLevelSpec } from 'vega-lite';
import { FIGURE1_SCALES, FIGURE3_SCALES } from '../experiments/figures/scales.ts';
import { figure1Spec, figure2GridSpec, figure3Spec, type Figure1Point } from '../report/plots/index.ts';
import { INITIALISER_LABELS } from './initialiserLabels.ts';

/** One figure to draw from a summary: its file name (no folder) and its vega-lite spec. */
export interface SummaryFigure {
  readonly file: string;
  readonly spec: TopLevelSpec;
}

const FIGURE2_ORDER = ['he-normal', 'glorot-normal', 'orthogonal', 'gsm', 'metainit', 'zero'];

/**
 * The figures of one `summary.json` as `analyseFigure` writes it (its `job` and plotted numbers:
 * Figure 1's `runs` and `comparisons`, Figure 2's `quantiles`, Figure 3's `cells`), so that a
 * committed report can be re-drawn without its `results.jsonl`: Figure 1 gives `<name>.svg`
 * (kurtosis from our input statistics) and `<name>-code-pair.svg` (from the authors' code pair),
 * Figure 2 `fig2.svg`, Figure 3 `fig3-w<width>.svg` — the files and specs `analyseFigure` writes.
 *
 * @throws Error naming what is missing when the summary lacks `job` or the figure's numbers.
 * @example
 * summaryFigures({ summary: JSON.parse(readFileSync('reports/fig2-paper/summary.json', 'utf8')), datasetLabel: 'CIFAR-10' })
 * // [{ file: 'fig2.svg', spec: { … } }]
 */
export function summaryFigures(options: { summary: unknown; datasetLabel: string }): SummaryFigure[] {
  const s = options.summary as Record<string, any>;
  const job = s?.job as Record<string, any> | undefined;
  if (job === undefined || typeof job.figure !== 'string') throw new Error('summaryFigures: the summary has no job.figure');
  const dataset = options.datasetLabel;
  const label = (init: string) => INITIALISER_LABELS[init] ?? init;
  if (job.figure === 'fig1') {
    if (!Array.isArray(s.runs)) throw new Error('summaryFigures: a Figure 1 summary needs runs[]');
    const name = `fig1-${job.dataset}`;
    const steps = FIGURE1_SCALES[job.scale as keyof typeof FIGURE1_SCALES].training.steps;
    const points = (kurtosis: (r: any) => unknown): Figure1Point[] =>
      s.runs
        .filter((r: any) => typeof kurtosis(r) === 'number' && Number.isFinite(kurtosis(r)))
        .map((r: any) => ({ kurtosis: kurtosis(r), accuracy: r.accuracy, status: r.status, initialiser: r.init, width: r.width, depth: r.depth }));
    const figures: SummaryFigure[] = [];
    const ours = points((r) => r.kurtosis);
    if (ours.length > 0) figures.push({ file: `${name}.svg`, spec: figure1Spec({ points: ours, dataset, kurtosisSource: 'Prop. 3 recursion from our exact input statistics', steps }) });
    const pairLabel = `code (${job.dataset === 'mnist' ? 'MNIST' : 'CIFAR-10'} pair)`;
    const pair = (s.comparisons ?? []).find((c: any) => c.source === pairLabel);
    const code = points((r) => r.publishedKurtosis?.[pairLabel]);
    if (pair !== undefined && code.length > 0) {
      const source = `Prop. 3 recursion from the authors' code pair (κ0 ${pair.kappa0.toFixed(3)}, c0 ${pair.c0.toFixed(3)})`;
      figures.push({ file: `${name}-code-pair.svg`, spec: figure1Spec({ points: code, dataset, kurtosisSource: source, steps }) });
    }
    return figures;
  }
  if (job.figure === 'fig2') {
    const q = s.quantiles as Record<string, any[]> | undefined;
    if (q === undefined) throw new Error('summaryFigures: a Figure 2 summary needs quantiles');
    const inits = [...FIGURE2_ORDER.filter((i) => q[i] !== undefined), ...Object.keys(q).filter((i) => !FIGURE2_ORDER.includes(i)).sort()];
    return [{ file: 'fig2.svg', spec: figure2GridSpec({ panels: inits.map((i) => ({ initialiser: label(i), layers: q[i]! })), dataset, columns: 3 }) }];
  }
  if (job.figure === 'fig3') {
    if (!Array.isArray(s.cells)) throw new Error('summaryFigures: a Figure 3 summary needs cells[]');
    const width = job.width as 10 | 200;
    const steps = FIGURE3_SCALES[job.scale as keyof typeof FIGURE3_SCALES][width].training.steps;
    const points = s.cells.filter((c: any) => c.mean !== null).map((c: any) => ({ initialiser: label(c.init), depth: c.depth, mean: c.mean, min: c.min, max: c.max }));
    return points.length === 0 ? [] : [{ file: `fig3-w${width}.svg`, spec: figure3Spec({ points, width, dataset, steps }) }];
  }
  throw new Error(`summaryFigures: unknown figure ${JSON.stringify(job.figure)}`);
}
