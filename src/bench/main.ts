import os from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { loadCifar10 } from '../data/loadCifar10.ts';
import { preprocess } from '../data/preprocess.ts';
import { AUTHORS_NORMALIZATION } from '../data/preprocessTypes.ts';
import { DataError } from '../data/types.ts';
import type { LabelledData } from '../experiments/trainNetwork.ts';
import { initBackend } from '../network/backend.ts';
import { writeFilesAtomic } from '../report/atomicWrite.ts';
import { compare } from './compare.ts';
import { renderBenchMarkdown } from './markdown.ts';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchOptions } from './options.ts';
import { benchScale } from './scale.ts';
import { evaluateTargets } from './targets.ts';
import { ensureTorch, runTorchBench, runTorchGrid, TorchSetupError } from './torch.ts';
import type { BenchReport, Measurement, TorchInfo, WorkloadResult } from './types.ts';
import { runWorkload } from './workloads.ts';
import { initBlas } from '../blas/initBlas.ts';
import { describeBlas } from '../blas/describeBlas.ts';
import { startCpuMonitor } from './cpuMonitor.ts';
import { estimatePaperTime } from './paperEstimate.ts';
import { peakFractions } from './peakFractions.ts';

export interface BenchIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/** Random CIFAR-shaped float32 values in [−1, 1) with random labels (when CIFAR-10 is missing). */
function randomSplit(count: number, seed: number): LabelledData {
  let s = seed >>> 0;
  const next = (): number => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const values = new Float32Array(count * 3072);
  for (let i = 0; i < values.length; i++) values[i] = next() * 2 - 1;
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) labels[i] = Math.floor(next() * 10);
  return { values, labels, count, size: 3072 };
}

/** Copies a split into SharedArrayBuffers, so that worker threads share it instead of copying it. */
function shared(d: LabelledData): LabelledData {
  const values = new Float32Array(new SharedArrayBuffer(d.values.byteLength));
  values.set(d.values);
  const labels = new Uint8Array(new SharedArrayBuffer(d.labels.byteLength));
  labels.set(d.labels);
  return { values, labels, count: d.count, size: d.size };
}

function loadData(o: BenchOptions, log: (l: string) => void): { train: LabelledData; test: LabelledData; data: BenchReport['data'] } {
  try {
    const ds = loadCifar10(o.dataDir !== undefined ? { dataDir: o.dataDir } : {});
    const p = preprocess(ds, { method: 'authors' });
    log(`data: ${ds.label} from ${ds.source}`);
    return { train: shared(p.train), test: p.test, data: { label: ds.label, source: ds.source, randomFallback: false } };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    const why = error.message;
    log(`data: CIFAR-10 not available (${why}); using random CIFAR-shaped float32 data`);
    return { train: shared(randomSplit(o.quick ? 2000 : 50000, 1)), test: randomSplit(o.quick ? 500 : 10000, 2), data: { label: `random CIFAR-shaped data (CIFAR-10 not found: ${why})`, source: null, randomFallback: true } };
  }
}

/**
 * `npm run bench` (bin/vv-bench.mjs): runs the workloads, optionally PyTorch's, evaluates the
 * targets and writes <out>/bench.json and <out>/bench.md atomically. Returns the exit code:
 * 0 done (targets missed included: they are results, not failures), 2 bad options or a PyTorch
 * failure (one line `vv-bench: error: …` on stderr; when bench/torch_bench.py itself fails, our
 * results are written first, without PyTorch's).
 */
export async function benchMain(argv: readonly string[], io: BenchIo = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const log = (line: string): void => void io.stderr.write(`vv-bench: ${line}\n`);
  const fail = (message: string): number => (io.stderr.write(`vv-bench: error: ${message}\n`), 2);
  let o: BenchOptions;
  try {
    o = parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof BenchUsageError) return fail(error.message);
    throw error;
  }
  if (o.help) {
    io.stdout.write(BENCH_USAGE + '\n');
    return 0;
  }
  const loadAverageAtStart = os.loadavg();
  const cpu = startCpuMonitor();
  const openblasEnv = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith('OPENBLAS_') && v !== undefined).sort()) as Record<string, string>;
  let python: { python: string; installedNow: boolean } | null = null;
  try {
    if (o.vsTorch) python = ensureTorch(log);
    const backend = await initBackend({ requested: o.backend });
    log(`backend: ${backend.name}${backend.unavailable.length > 0 ? ` (unavailable: ${backend.unavailable.map((u) => u.name).join(', ')})` : ''}`);
    // Single-core measurements: 1 BLAS thread (the worker grids also use 1 per worker); the gemm
    // workload measures the BLAS's own peak on every core separately.
    let blas;
    try {
      blas = initBlas({ requested: o.blas, threads: 1 }).info;
    } catch (error) {
      return fail((error as Error).message);
    }
    log(describeBlas(blas));
    log(`OPENBLAS_* environment (both sides, unchanged): ${Object.keys(openblasEnv).length === 0 ? 'none' : Object.entries(openblasEnv).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    const scale = benchScale(o);
    const workers = o.workers ?? Math.max(1, os.availableParallelism());
    // cli-start alone needs no data set (it times fresh `vv` processes).
    const { train, test, data } = o.only.some((w) => w !== 'cli-start') ? loadData(o, log) : { train: shared(randomSplit(1, 1)), test: randomSplit(1, 2), data: { label: 'none (cli-start only)', source: null, randomFallback: false } };
    const ctx = { scale, runs: o.runs, full: o.full, quick: o.quick, workers, backendRequested: o.backend, backend: backend.name, blasLibrary: blas.provider === 'wasm' ? 'off' : blas.library!, train, test, log };
    const workloads: WorkloadResult[] = [];
    for (const name of o.only) workloads.push(await runWorkload(name, ctx));

    let torch: TorchInfo | null = null;
    let torchError: TorchSetupError | null = null;
    let torchMeasurements: Measurement[] = [];
    if (o.vsTorch) {
      log(`PyTorch: running bench/torch_bench.py (${o.only.join(', ')})`);
      const norm = AUTHORS_NORMALIZATION.cifar10;
      try {
        // torch.set_num_threads(1) by default: Debian's torch hands GEMMs to OpenBLAS, which threads
        // them over every core itself; 2 OpenMP threads on top oversubscribed the 2 cores here and
        // made small-GEMM training 7x slower (w200/d100: 3.5 against 24.5 steps/s).
        const torchOptions = { scale, only: o.only, runs: o.runs, threads: o.torchThreads, cifarDir: data.randomFallback ? null : data.source, mean: norm.mean, std: norm.std, ...python! };
        const r = runTorchBench(torchOptions);
        torch = r.info;
        torchMeasurements = r.measurements;
        if (o.only.includes('fig3-train') && ctx.workers > 1) {
          log(`PyTorch: fig3-train grid, ${ctx.workers} single-thread processes at once`);
          torchMeasurements = [...torchMeasurements, ...(await runTorchGrid(torchOptions, ctx.workers))];
        }
      } catch (error) {
        if (!(error instanceof TorchSetupError)) throw error;
        torchError = error; // our results are still written, then exit 2
      }
    }
    const ours = workloads.flatMap((w) => w.measurements);
    const contention = cpu.stop();
    if (contention?.contended === true) log(`CONTENDED RUN: other processes used ${contention.otherCores.toFixed(2)} of ${contention.cores} cores on average over the whole bench; timings are not comparable`);
    const paperEstimate = estimatePaperTime(ours, workers);
    if (paperEstimate !== null) log(`estimated wall time of the whole paper at paper scale on ${workers} worker(s): ${paperEstimate.totalHours.toFixed(1)} h (${paperEstimate.figures.map((f) => `${f.name} ${f.hours.toFixed(2)} h`).join(', ')})`);
    const report: BenchReport = {
      generatedAt: new Date().toISOString(),
      machine: { cpus: os.availableParallelism(), cpuModel: os.cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform} ${process.arch}`, totalMemoryBytes: os.totalmem(), loadAverageAtStart },
      backend: tf.getBackend(),
      blas,
      openblasEnv,
      ...(contention === undefined ? {} : { contention }),
      ...(paperEstimate === null ? {} : { paperEstimate }),
      peakFractions: peakFractions([...ours, ...torchMeasurements]),
      data,
      options: { runs: o.runs, quick: o.quick, full: o.full, workers, only: o.only, vsTorch: o.vsTorch },
      workloads,
      torch,
      ...(torchError !== null ? { torchError: torchError.message } : {}),
      torchMeasurements,
      comparisons: compare(ours, torchMeasurements),
      targets: evaluateTargets({ measurements: [...ours, ...torchMeasurements], workloads }),
    };
    const jsonPath = join(o.out, 'bench.json');
    const mdPath = join(o.out, 'bench.md');
    writeFilesAtomic([
      { path: jsonPath, content: JSON.stringify(report, null, 2) + '\n' },
      { path: mdPath, content: renderBenchMarkdown(report) },
    ]);
    for (const t of report.targets) log(`target ${t.id}: ${t.status}${t.status === 'not-measured' ? '' : ` (${t.detail})`}`);
    log(`wrote ${jsonPath} and ${mdPath}${torchError !== null ? ' (without PyTorch)' : ''}`);
    return torchError !== null ? fail(torchError.message) : 0;
  } catch (error) {
    if (error instanceof TorchSetupError) return fail(error.message);
    if (error instanceof Error && /--backend|VV_BACKEND/.test(error.message)) return fail(error.message);
    throw error;
  }
}
