import { FIGURE1_SCALES, FIGURE2_SCALES, FIGURE3_SCALES, FIGURE23_INITS, type Figure1Init, type Figure23Init, type Scale } from './scales.ts';

export type DatasetName = 'mnist' | 'cifar10';

/** One Figure 1 training run: a grid point (data set, width, depth, He law) and repetition. */
export interface Figure1Task {
  readonly figure: 'fig1';
  readonly scale: Scale;
  readonly dataset: DatasetName;
  readonly width: number;
  readonly depth: number;
  readonly init: Figure1Init;
  readonly rep: number;
  readonly [field: string]: string | number;
}

/** One block of Figure 2 networks: networks `block·blockSize` … of initialiser `init`. */
export interface Figure2Task {
  readonly figure: 'fig2';
  readonly scale: Scale;
  readonly init: Figure23Init;
  readonly block: number;
  readonly [field: string]: string | number;
}

/** One Figure 3 training run (CIFAR-10). */
export interface Figure3Task {
  readonly figure: 'fig3';
  readonly scale: Scale;
  readonly width: 10 | 200;
  readonly depth: number;
  readonly init: Figure23Init;
  readonly rep: number;
  readonly [field: string]: string | number;
}

export type FigureTask = Figure1Task | Figure2Task | Figure3Task;

/**
 * Figure 1's task grid for one data set at a scale.
 * @example figure1Tasks({ dataset: 'mnist', scale: 'paper' }).length // 330
 */
export function figure1Tasks(options: { readonly dataset: DatasetName; readonly scale: Scale }): Figure1Task[] {
  const s = FIGURE1_SCALES[options.scale];
  const tasks: Figure1Task[] = [];
  for (const width of s.widths)
    for (const depth of s.depths)
      for (const init of s.inits) for (let rep = 0; rep < s.reps; rep++) tasks.push({ figure: 'fig1', scale: options.scale, dataset: options.dataset, width, depth, init, rep });
  return tasks;
}

/**
 * Figure 2's tasks at a scale: per initialiser, ceil(networks / blockSize) blocks.
 * @example figure2Tasks({ scale: 'paper' }).length // 4·40 + 1000 + 1 = 1161 (blocks of 250; MetaInit one network per task)
 */
export function figure2Tasks(options: { readonly scale: Scale; readonly inits?: readonly Figure23Init[] }): Figure2Task[] {
  const s = FIGURE2_SCALES[options.scale];
  const tasks: Figure2Task[] = [];
  for (const init of options.inits ?? FIGURE23_INITS) {
    const blocks = Math.ceil(s.networks[init] / figure2BlockSize(init, options.scale));
    for (let block = 0; block < blocks; block++) tasks.push({ figure: 'fig2', scale: options.scale, init, block });
  }
  return tasks;
}

/**
 * Networks per Figure 2 task: the scale's block size, but 1 for MetaInit, whose initialisation
 * alone takes minutes per network — one per task keeps both workers busy and loses at most one
 * MetaInit network to an interruption.
 */
export function figure2BlockSize(init: Figure23Init, scale: Scale): number {
  return init === 'metainit' ? 1 : FIGURE2_SCALES[scale].blockSize;
}

/** The networks [from, to) of a Figure 2 block. */
export function figure2BlockRange(task: Figure2Task): { readonly from: number; readonly to: number } {
  const s = FIGURE2_SCALES[task.scale];
  const size = figure2BlockSize(task.init, task.scale);
  const from = task.block * size;
  return { from, to: Math.min(s.networks[task.init], from + size) };
}

/**
 * Figure 3's task grid for one width at a scale.
 * @example figure3Tasks({ width: 10, scale: 'paper' }).length // 6 · 11 · 5 = 330
 */
export function figure3Tasks(options: { readonly width: 10 | 200; readonly scale: Scale }): Figure3Task[] {
  const s = FIGURE3_SCALES[options.scale][options.width];
  const tasks: Figure3Task[] = [];
  for (const depth of s.depths)
    for (const init of s.inits) for (let rep = 0; rep < s.reps; rep++) tasks.push({ figure: 'fig3', scale: options.scale, width: options.width, depth, init, rep });
  return tasks;
}
