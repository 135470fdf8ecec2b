import { summarise } from './stats.ts';
import type { Measurement, Side, WorkloadName, WorkloadResult } from './types.ts';

/** Test helper: a measurement with the given values. */
export function fakeMeasurement(id: string, values: number[], o: { workload?: WorkloadName; key?: string; side?: Side; unit?: string; better?: 'higher' | 'lower' } = {}): Measurement {
  return { id, workload: o.workload ?? 'fig2', key: o.key ?? id, side: o.side ?? 'ours', label: id, unit: o.unit ?? 'networks/s', better: o.better ?? 'higher', summary: summarise(values) };
}

/** Test helper: a workload result with a given peak RSS. */
export function fakeWorkload(workload: WorkloadName, measurements: Measurement[], peakRssBytes = 2 ** 30): WorkloadResult {
  return { workload, backend: 'wasm', config: {}, measurements, memory: { peakRssBytes, sampledRssBytes: peakRssBytes / 2, tfNumBytes: 0, tfNumTensors: 0, wasmHeapBytes: 2 ** 24 }, seconds: 1, notes: ['a note'] };
}
