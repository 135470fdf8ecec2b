import type { Figure23Init, Scale } from '../experiments/figures/scales.ts';
import { figure1Tasks, figure2Tasks, figure3Tasks, type DatasetName, type FigureTask } from '../experiments/figures/tasks.ts';

/** One experiment of the acceptance harness: a figure (panel) at a scale. */
export type FigureJob =
  | { readonly figure: 'fig1'; readonly dataset: DatasetName; readonly scale: Scale }
  | { readonly figure: 'fig2'; readonly scale: Scale; /** Only these initialisers (default: all six). */ readonly inits?: readonly Figure23Init[] }
  | { readonly figure: 'fig3'; readonly width: 10 | 200; readonly scale: Scale };

/**
 * The job's short name, used for its sub-directory and SVG file.
 * @example figureJobName({ figure: 'fig3', width: 200, scale: 'paper' }) // 'fig3-w200'
 */
export function figureJobName(job: FigureJob): string {
  if (job.figure === 'fig1') return `fig1-${job.dataset}`;
  if (job.figure === 'fig3') return `fig3-w${job.width}`;
  return 'fig2';
}

/** The job's whole task grid. */
export function figureJobTasks(job: FigureJob): FigureTask[] {
  if (job.figure === 'fig1') return figure1Tasks({ dataset: job.dataset, scale: job.scale });
  if (job.figure === 'fig3') return figure3Tasks({ width: job.width, scale: job.scale });
  return figure2Tasks({ scale: job.scale, ...(job.inits === undefined ? {} : { inits: job.inits }) });
}

/** The data sets the job needs. */
export function figureJobDatasets(job: FigureJob): DatasetName[] {
  return job.figure === 'fig1' ? [job.dataset] : ['cifar10'];
}

/** Every job of `vv acceptance` at a scale, in the order they run. */
export function acceptanceJobs(scale: Scale): FigureJob[] {
  return [
    { figure: 'fig1', dataset: 'mnist', scale },
    { figure: 'fig1', dataset: 'cifar10', scale },
    { figure: 'fig2', scale },
    { figure: 'fig3', width: 10, scale },
    { figure: 'fig3', width: 200, scale },
  ];
}
