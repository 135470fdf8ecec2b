import type { LabelledData } from '../trainNetwork.ts';
import type { DatasetName } from './tasks.ts';

/** A preprocessed data set as the experiment tasks use it; arrays may live in SharedArrayBuffers (worker threads). */
export interface ExperimentDataset {
  readonly name: DatasetName;
  /** Human label, e.g. 'CIFAR-10 (JPEG-q75 stand-in)'. */
  readonly label: string;
  readonly train: LabelledData;
  readonly test: LabelledData;
}

/** The data sets a run needs, by name. */
export type ExperimentData = Partial<Record<DatasetName, ExperimentDataset>>;

function share(split: LabelledData): LabelledData {
  const values = new Float32Array(new SharedArrayBuffer(split.values.byteLength));
  values.set(split.values);
  const labels = new Uint8Array(new SharedArrayBuffer(split.labels.byteLength));
  labels.set(split.labels);
  return { values, labels, count: split.count, size: split.size };
}

/**
 * Copies a data set into SharedArrayBuffers, so that every worker thread reads one copy
 * (CIFAR-10: 600 MB of float32) instead of receiving its own.
 *
 * @example shareDataset(ds).train.values.buffer instanceof SharedArrayBuffer // true
 */
export function shareDataset(dataset: ExperimentDataset): ExperimentDataset {
  return { name: dataset.name, label: dataset.label, train: share(dataset.train), test: share(dataset.test) };
}
