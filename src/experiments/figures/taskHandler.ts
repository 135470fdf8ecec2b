import { initBackend } from '../../network/backend.ts';
import { blasSignature } from '../../blas/blasSignature.ts';
import { initBlas } from '../../blas/initBlas.ts';
import { runFigure2Task, type Figure2Record } from './runFigure2Task.ts';
import { runTrainingTask, type TrainingRecord } from './runTrainingTask.ts';
import { FIGURE1_SCALES, FIGURE3_SCALES } from './scales.ts';
import type { ExperimentData } from './experimentData.ts';
import type { FigureTask } from './tasks.ts';

/** Set-up of a task handler: the data sets and the TensorFlow.js backend to start. */
export interface TaskHandlerInit {
  readonly data: ExperimentData;
  /** Backend name (node, wasm, cpu) or undefined for the automatic choice. */
  readonly backend?: string;
  /** GEMM of the fused engines: library (path, 'off', or undefined for the automatic choice with VV_BLAS) and threads per call. */
  readonly blas?: { readonly library?: string; readonly threads?: number };
}

export type FigureRecord = TrainingRecord | Figure2Record;

/** Runs one task of any figure with its seed. */
export type TaskHandler = (input: { readonly task: FigureTask; readonly seed: number }) => Promise<FigureRecord>;

function need(data: ExperimentData, name: 'mnist' | 'cifar10') {
  const ds = data[name];
  if (ds === undefined) throw new Error(`task needs the ${name} data set, which was not loaded`);
  return ds;
}

/**
 * Starts the backend and returns the handler of figure tasks. `runFigureJob` runs it in each
 * worker thread of `createWorkerPool` (this module is the pool's handler module), even for one
 * job; it can also be called in any thread directly.
 *
 * @example const handle = await createHandler({ data: { mnist } }); await handle({ task: figure1Tasks({ dataset: 'mnist', scale: 'smoke' })[0], seed: 1 })
 */
export async function createHandler(init: TaskHandlerInit): Promise<TaskHandler> {
  await initBackend({ requested: init.backend, env: {} });
  const blas = blasSignature(initBlas({ requested: init.blas?.library, env: init.blas?.library === undefined ? process.env : {}, threads: init.blas?.threads }).info);
  // Every record says which GEMM computed it: records agree bit for bit only within one configuration.
  return async (input) => ({ ...(await runTask(init, input)), blas });
}

/** One task on the handler's data, without the BLAS signature. */
async function runTask(init: TaskHandlerInit, { task, seed }: { readonly task: FigureTask; readonly seed: number }): Promise<FigureRecord> {
  if (task.figure === 'fig1') {
    const s = FIGURE1_SCALES[task.scale];
    const ds = need(init.data, task.dataset);
    return runTrainingTask({ train: ds.train, test: ds.test, width: task.width, depth: task.depth, init: task.init, learningRate: s.learningRate, training: s.training, seed });
  }
  if (task.figure === 'fig3') {
    const s = FIGURE3_SCALES[task.scale][task.width];
    const ds = need(init.data, 'cifar10');
    return runTrainingTask({ train: ds.train, test: ds.test, width: task.width, depth: task.depth, init: task.init, learningRate: s.learningRate, training: s.training, metainitSteps: s.metainitSteps, seed });
  }
  return runFigure2Task(task, seed, need(init.data, 'cifar10').train);
}
