import * as tf from '@tensorflow/tfjs-core';
import { layerVariances } from '../experiments/figure2/layerVariances.ts';
import type { LabelledData } from '../experiments/trainNetwork.ts';
import { createWorkerPool, type WorkerPool } from '../experiments/pool/createWorkerPool.ts';
import { metaInit } from '../network/metainit/metaInit.ts';
import { referenceWidths } from '../network/referenceWidths.ts';
import { normal } from '../distributions/normal.ts';
import { propagationMonteCarlo, propagationTestCount } from '../montecarlo/propagation/propagationMonteCarlo.ts';
import { cliStart } from './cliStart.ts';
import type { BenchScale } from './scale.ts';
import { availableParallelism } from 'node:os';
import { currentGemm, initBlas } from '../blas/initBlas.ts';
import { startCpuMonitor } from './cpuMonitor.ts';
import { summarise, timeRuns, type RunSummary } from './stats.ts';
import type { Measurement, MemoryPeak, WorkloadName, WorkloadResult } from './types.ts';
import { fig2Networks, timeTestScore, timeTrainSteps, type BenchWorkerInit, type BenchWorkerInput, type BenchWorkerOutput } from './workerHandler.ts';

/** What every workload needs. */
export interface WorkloadContext {
  readonly scale: BenchScale;
  readonly runs: number;
  readonly full: boolean;
  /** --quick: tiny sizes, fewer cli-start runs. */
  readonly quick: boolean;
  /** Worker threads for the multi-core figures (1: none). */
  readonly workers: number;
  readonly backendRequested: string | undefined;
  readonly backend: string;
  /** Resolved BLAS library for the workers (path or 'off'). */
  readonly blasLibrary?: string;
  /** Training images (values in a SharedArrayBuffer) and the test set. */
  readonly train: LabelledData;
  readonly test: LabelledData;
  readonly log: (line: string) => void;
}

/** Samples memory after each run; `peak()` adds the process's getrusage peak. */
export class MemoryTracker {
  private rss = 0;
  private tfBytes = 0;
  private tfTensors = 0;
  sample(): void {
    this.rss = Math.max(this.rss, process.memoryUsage().rss);
    const m = tf.memory();
    this.tfBytes = Math.max(this.tfBytes, m.numBytes);
    this.tfTensors = Math.max(this.tfTensors, m.numTensors);
  }
  peak(): MemoryPeak {
    this.sample();
    return { peakRssBytes: process.resourceUsage().maxRSS * 1024, sampledRssBytes: this.rss, tfNumBytes: this.tfBytes, tfNumTensors: this.tfTensors, wasmHeapBytes: wasmHeapBytes() };
  }
}

/** The wasm backend's linear memory in bytes, or null on another backend. */
export function wasmHeapBytes(): number | null {
  if (tf.getBackend() !== 'wasm') return null;
  const heap = (tf.backend() as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8;
  return heap === undefined ? null : heap.buffer.byteLength;
}

function measurement(workload: WorkloadName, id: string, key: string, label: string, unit: string, better: 'higher' | 'lower', summary: RunSummary, note?: string): Measurement {
  return { id, workload, key, side: 'ours', label, unit, better, summary, ...(note !== undefined ? { note } : {}) };
}

function startPool(ctx: WorkloadContext): WorkerPool<BenchWorkerInput, BenchWorkerOutput> {
  const init: BenchWorkerInit = { train: ctx.train, ...(ctx.backendRequested !== undefined ? { backend: ctx.backendRequested } : {}), ...(ctx.blasLibrary !== undefined ? { blas: ctx.blasLibrary } : {}) };
  return createWorkerPool<BenchWorkerInput, BenchWorkerOutput>({ size: ctx.workers, module: new URL('./workerHandler.ts', import.meta.url), init });
}

const fix = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(2) : x.toPrecision(3));

async function fig2(ctx: WorkloadContext, mem: MemoryTracker): Promise<Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'>> {
  const s = ctx.scale.fig2;
  const size = ctx.train.size;
  const count = Math.min(s.images, ctx.train.count);
  const images = ctx.train.values.subarray(0, count * size);
  const networks = fig2Networks({ size, width: s.width, depth: s.depth, networks: s.networks, seed: 1 });
  const first = networks.map((n) => n.slice(0, 1));
  const warmCount = Math.min(count, 4096);
  layerVariances({ images: images.subarray(0, warmCount * size), count: warmCount, size, networks: networks.slice(0, 2), networksPerGemm: s.perGemm });
  const opts = { images, count, size, networksPerGemm: s.perGemm };
  const log = (what: string, unit: string) => (i: number, v: number) => { mem.sample(); ctx.log(`fig2 ${what} run ${i + 1}/${ctx.runs}: ${fix(v)} ${unit}`); };
  const single = timeRuns({ runs: ctx.runs, warmup: 0, run: () => (layerVariances({ ...opts, networks }), networks.length), onRun: log('single-core', 'networks/s') });
  // First Linear alone: the same call with one-layer networks (benchLayerVariances' split).
  const flop = 2 * count * size * s.width * networks.length;
  const firstRate = timeRuns({ runs: ctx.runs, warmup: 0, run: () => (layerVariances({ ...opts, networks: first }), flop / 1e9), onRun: log('first Linear', 'GFLOP/s') });
  const share = summarise(firstRate.values.map((g, i) => flop / 1e9 / g / (networks.length / single.values[i]!)));
  const measurements: Measurement[] = [
    measurement('fig2', 'fig2.single', 'fig2', `${s.width}×${s.depth} He-normal, ${count} images, ${s.networks} networks per call, 1 core`, 'networks/s', 'higher', single),
    measurement('fig2', 'fig2.first-layer', 'fig2.first-layer', `first Linear (${count}×${size} · ${size}×${s.width * s.perGemm} per GEMM)`, 'GFLOP/s', 'higher', firstRate, "layerVariances on the networks' first Linears only: GEMM, read-back and layer-0 statistics"),
    measurement('fig2', 'fig2.first-layer-share', 'fig2.first-layer-share', 'first-Linear share of the fig2 time', 'fraction', 'lower', share, 'run i: first-Linear-only time / whole time'),
  ];
  const notes = [`networks/s counts layerVariances only (He-normal draws outside the timing); ${s.perGemm} networks' first Linears share one GEMM.`];
  if (ctx.workers > 1) {
    const pool = startPool(ctx);
    try {
      const job = (k: number, c: number): BenchWorkerInput => ({ kind: 'fig2', count: c, width: s.width, depth: s.depth, networks: s.networks, perGemm: s.perGemm, seed: 1 + k * s.networks });
      await Promise.all(Array.from({ length: ctx.workers }, (_, k) => pool.run(job(k, warmCount))));
      const values: number[] = [];
      for (let i = 0; i < ctx.runs; i++) {
        const t0 = performance.now();
        await Promise.all(Array.from({ length: ctx.workers }, (_, k) => pool.run(job(k, count))));
        values.push((ctx.workers * s.networks) / ((performance.now() - t0) / 1000));
        log(`${ctx.workers} workers`, 'networks/s')(i, values[i]!);
      }
      measurements.splice(1, 0, measurement('fig2', 'fig2.workers', 'fig2', `same, ${ctx.workers} worker threads (one per core, ${s.networks} networks each)`, 'networks/s', 'higher', summarise(values), 'wall time of all workers\' calls'));
    } finally {
      mem.sample();
      await pool.close();
    }
  }
  return { workload: 'fig2', config: { ...s, images: count, size, workers: ctx.workers }, measurements, notes };
}

function gemm(ctx: WorkloadContext, mem: MemoryTracker): Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'> {
  const { m, k, n, repeats } = ctx.scale.gemm;
  const a = tf.randomNormal([m, k], 0, 1, 'float32', 1) as tf.Tensor2D;
  const b = tf.randomNormal([k, n], 0, 1, 'float32', 2) as tf.Tensor2D;
  const flop = (2 * m * k * n * repeats) / 1e9;
  const measurements: Measurement[] = [];
  try {
    // Fresh operands: XNNPACK caches the packed weights of a tensor, so every product gets a new
    // copy of b (b + 0: a new buffer, O(k·n), inside the timing — < 1% of the product).
    const product = () => {
      for (let r = 0; r < repeats; r++) {
        const c = tf.tidy(() => tf.matMul(a, tf.add(b, 0)));
        c.dataSync();
        c.dispose();
      }
      return flop;
    };
    const rate = timeRuns({ runs: ctx.runs, warmup: 1, run: product, onRun: (i, v) => { mem.sample(); ctx.log(`gemm (tfjs) run ${i + 1}/${ctx.runs}: ${fix(v)} GFLOP/s`); } });
    measurements.push(measurement('gemm', 'gemm', 'gemm', `float32 ${m}×${k} · ${k}×${n} (tf.matMul + read-back, fresh operands), 1 core`, 'GFLOP/s', 'higher', rate));
  } finally {
    tf.dispose([a, b]);
  }
  const info = currentGemm().info;
  if (info.provider !== 'wasm') {
    // The system BLAS's own peak on these shapes: 1 thread, then every core (its thread count is
    // process-wide: set back to 1 afterwards, as the other workloads use it).
    const A = Float32Array.from({ length: m * k }, (_, i) => Math.sin(i));
    const B = Float32Array.from({ length: k * n }, (_, i) => Math.cos(i));
    const C = new Float32Array(m * n);
    const cores = availableParallelism();
    for (const threads of cores > 1 ? [1, cores] : [1]) {
      const g = initBlas({ requested: info.library!, threads });
      const run = () => {
        for (let r = 0; r < repeats; r++) g.sgemm({ transA: false, transB: false, m, n, k, alpha: 1, a: A, lda: k, b: B, ldb: n, beta: 0, c: C, ldc: n });
        return flop;
      };
      const summary = timeRuns({ runs: ctx.runs, warmup: 1, run, onRun: (i, v) => { mem.sample(); ctx.log(`gemm (${info.provider}, ${threads} thread(s)) run ${i + 1}/${ctx.runs}: ${fix(v)} GFLOP/s`); } });
      measurements.push(measurement('gemm', threads === 1 ? 'gemm.blas' : 'gemm.blas-peak', threads === 1 ? 'gemm.blas' : 'gemm.blas-peak', `${info.provider} sgemm ${m}×${k} · ${k}×${n} (kernel ${info.kernel ?? '?'}), ${threads} thread(s)`, 'GFLOP/s', 'higher', summary));
    }
    initBlas({ requested: info.library!, threads: 1 });
  }
  return {
    workload: 'gemm',
    config: { m, k, n, repeats, blas: info.provider, kernel: info.kernel },
    measurements,
    notes: [`each run: ${repeats} products.`, info.provider === 'wasm' ? 'no system BLAS: the peak fraction refers to the tfjs GEMM.' : `the BLAS peak (gemm.blas-peak, ${availableParallelism()} threads) is the reference of every GEMM-bound workload's peak fraction.`],
  };
}

async function fig3Train(ctx: WorkloadContext, mem: MemoryTracker): Promise<Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'>> {
  const { configs, batch, evalCount } = ctx.scale.fig3;
  const measurements: Measurement[] = [];
  const notes: string[] = [
    `steps/s from trainNetwork (Adam, batch ${batch}) in steady state, as PyTorch's step loop is timed: after 2 warm-up steps on a fresh He-normal network, one call of 1 + steps steps timed from the end of its first step to the end of its last; the per-call overhead (weights in and out, engine set-up; paid once per 500-step Figure-3 run) is measured apart. grid = ${ctx.workers} worker threads training at once, their steps/s summed: threads because the acceptance harness runs its tasks so (one process, the data shared, not copied); PyTorch's grid uses processes because one Python process cannot train twice at once (the GIL).`,
    'evaluation: the test-set score that ends a trainNetwork run, on the engine it picks (the fused engine where it applies), as the Figure-3 harness runs it.',
  ];
  const test: LabelledData = evalCount >= ctx.test.count ? ctx.test : { ...ctx.test, count: evalCount, values: ctx.test.values.subarray(0, evalCount * ctx.test.size), labels: ctx.test.labels.subarray(0, evalCount) };
  for (const c of configs) {
    const key = `fig3-train.w${c.width}d${c.depth}`;
    const values: number[] = [];
    const overheads: number[] = [];
    let engine = '';
    let kept: Parameters<NonNullable<Parameters<typeof timeTrainSteps>[2]>>[0] | undefined;
    for (let i = 0; i < ctx.runs; i++) {
      const r = timeTrainSteps(ctx.train, { ...c, batch, seed: 1 + i }, i === ctx.runs - 1 ? (net) => (kept = net) : undefined);
      values.push(r.rate);
      overheads.push(r.overheadSeconds!);
      engine = r.engine!;
      mem.sample();
      ctx.log(`fig3-train w${c.width} d${c.depth} run ${i + 1}/${ctx.runs}: ${fix(r.rate)} steps/s (${engine} engine; ${fix(r.overheadSeconds!)} s overhead per call)`);
    }
    measurements.push(measurement('fig3-train', `${key}.single`, key, `width ${c.width} depth ${c.depth}, ${c.steps} steps per run, 1 core`, 'steps/s', 'higher', summarise(values), `${engine} engine`));
    measurements.push(measurement('fig3-train', `${key}.overhead`, `fig3-overhead.w${c.width}d${c.depth}`, `width ${c.width} depth ${c.depth}: trainNetwork's per-call overhead beyond its steps`, 's', 'lower', summarise(overheads), 'paid once per Figure-3 run'));
    // One full test-set evaluation with the last run's network.
    const heavy = c.width * c.width * c.depth >= 1e6;
    const evalRuns = heavy ? 1 : ctx.runs;
    const evalSeconds: number[] = [];
    try {
      for (let i = 0; i < evalRuns; i++) {
        evalSeconds.push(timeTestScore(kept!, ctx.train, test, batch).seconds);
        mem.sample();
        ctx.log(`fig3-train w${c.width} d${c.depth} test evaluation ${i + 1}/${evalRuns}: ${fix(evalSeconds[i]!)} s`);
      }
    } finally {
      tf.dispose(kept!.parameters as tf.Tensor[]);
    }
    measurements.push(measurement('fig3-train', `${key}.eval`, `fig3-eval.w${c.width}d${c.depth}`, `width ${c.width} depth ${c.depth}: one evaluation of ${test.count} test images`, 's', 'lower', summarise(evalSeconds), heavy ? '1 run (one full evaluation of this network takes seconds to minutes)' : undefined));
  }
  if (ctx.workers > 1) {
    const pool = startPool(ctx);
    try {
      for (const c of configs) {
        const key = `fig3-train.w${c.width}d${c.depth}`;
        const values: number[] = [];
        for (let i = 0; i < ctx.runs; i++) {
          const outs = await Promise.all(Array.from({ length: ctx.workers }, (_, k) => pool.run({ kind: 'train', ...c, batch, seed: 1 + i * ctx.workers + k })));
          values.push(outs.reduce((acc, o) => acc + o.rate, 0));
          mem.sample();
          ctx.log(`fig3-train w${c.width} d${c.depth} grid (${ctx.workers} workers) run ${i + 1}/${ctx.runs}: ${fix(values[i]!)} steps/s`);
        }
        const at = measurements.findIndex((m) => m.id === `${key}.single`);
        measurements.splice(at + 1, 0, measurement('fig3-train', `${key}.grid`, key, `width ${c.width} depth ${c.depth}, grid of ${ctx.workers} workers`, 'steps/s', 'higher', summarise(values), 'sum of the workers\' steps/s'));
      }
    } finally {
      await pool.close();
    }
  }
  if (evalCount < ctx.test.count) notes.push(`evaluation on the first ${evalCount} test images (--quick).`);
  return { workload: 'fig3-train', config: { configs, batch, evalCount: test.count, workers: ctx.workers }, measurements, notes };
}

function metainit(ctx: WorkloadContext, mem: MemoryTracker): Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'> {
  const s = ctx.scale.metainit;
  const widths = referenceWidths({ inputSize: ctx.train.size, width: s.width, depth: s.depth });
  metaInit({ widths, seed: 1, steps: 2, batchSize: s.batch });
  const values: number[] = [];
  for (let i = 0; i < ctx.runs; i++) {
    const t0 = performance.now();
    metaInit({ widths, seed: 1 + i, steps: s.steps, batchSize: s.batch });
    const perInit = (((performance.now() - t0) / 1000) / s.steps) * s.stepsPerInit;
    values.push(perInit);
    mem.sample();
    ctx.log(`metainit run ${i + 1}/${ctx.runs}: ${fix(perInit)} s per initialisation`);
  }
  const whole = s.steps === s.stepsPerInit;
  const how = whole ? `whole ${s.steps}-step initialisations` : `${s.steps} steps per run, seconds per step × ${s.stepsPerInit}`;
  return {
    workload: 'metainit',
    config: { ...s, widths: `${ctx.train.size}, ${s.width}×${s.depth}, 10`, mode: whole ? 'full' : 'per-step×500' },
    measurements: [measurement('metainit', 'metainit', 'metainit', `MetaInit width ${s.width} depth ${s.depth} (CIFAR-10 shapes), 1 core: ${how}`, 's', 'lower', summarise(values))],
    notes: [whole ? `timed whole initialisations (${s.steps} steps each).` : `NOT whole initialisations: each run times ${s.steps} sign-SGD steps (one metaInit call, its set-up included) and reports seconds per step × ${s.stepsPerInit}; --full times whole ones.`],
  };
}

function montecarlo(ctx: WorkloadContext, mem: MemoryTracker): Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'> {
  const s = ctx.scale.montecarlo;
  const widths = new Array<number>(s.depth + 1).fill(s.width);
  const run = (samples: number, seed: number, fast: boolean) => {
    propagationMonteCarlo({ widths, slope: 0, weights: normal(), input: normal(), samples, seed, falseAlarm: 1e-6 / propagationTestCount(widths), fast });
    return samples;
  };
  let seed = 1;
  const rate = timeRuns({ runs: ctx.runs, warmup: 1, run: () => run(s.samples, seed++, false), onRun: (i, v) => { mem.sample(); ctx.log(`montecarlo run ${i + 1}/${ctx.runs}: ${fix(v)} samples/s`); } });
  const fastRate = timeRuns({ runs: ctx.runs, warmup: 1, run: () => run(s.samples, seed++, true), onRun: (i, v) => { mem.sample(); ctx.log(`montecarlo (fast path) run ${i + 1}/${ctx.runs}: ${fix(v)} samples/s`); } });
  return {
    workload: 'montecarlo',
    config: { ...s, weights: 'normal (He)', input: 'normal' },
    measurements: [
      measurement('montecarlo', 'montecarlo', 'montecarlo', `Proposition 3 cross-check, width ${s.width} depth ${s.depth}, ${s.samples} samples per run (tests included), 1 core`, 'samples/s', 'higher', rate),
      measurement('montecarlo', 'montecarlo.fast', 'montecarlo', `same, sampler fast path (two-branch Box–Muller, JavaScript products), 1 core`, 'samples/s', 'higher', fastRate),
    ],
    notes: ['samples/s of propagationMonteCarlo (network + input draws, forward pass, moment accumulation and tests); montecarlo.fast: the opt-in fast sampler (another stream of the same law).'],
  };
}

const RUNNERS: Readonly<Record<WorkloadName, (ctx: WorkloadContext, mem: MemoryTracker) => Promise<Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'>> | Omit<WorkloadResult, 'seconds' | 'backend' | 'memory'>>> = {
  fig2,
  gemm,
  'fig3-train': fig3Train,
  metainit,
  montecarlo,
  // At least 10 runs (the issue's median over 10) and npx's start too, except with --quick.
  'cli-start': (ctx) => cliStart({ runs: ctx.quick ? ctx.runs : Math.max(10, ctx.runs), npx: !ctx.quick, log: ctx.log }),
};

/** Runs one workload: its measurements, peak memory and wall time. */
export async function runWorkload(name: WorkloadName, ctx: WorkloadContext): Promise<WorkloadResult> {
  const mem = new MemoryTracker();
  const t0 = performance.now();
  ctx.log(`${name}: starting`);
  const cpu = startCpuMonitor();
  const r = await RUNNERS[name](ctx, mem);
  const seconds = (performance.now() - t0) / 1000;
  const contention = cpu.stop();
  ctx.log(`${name}: done in ${fix(seconds)} s${contention === undefined ? '' : `; other processes used ${contention.otherCores.toFixed(2)} of ${contention.cores} cores${contention.contended ? ' — CONTENDED' : ''}`}`);
  return { ...r, backend: ctx.backend, memory: mem.peak(), seconds, ...(contention === undefined ? {} : { contention }) };
}
