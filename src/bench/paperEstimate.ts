import { FIGURE1_SCALES, FIGURE2_SCALES, FIGURE3_SCALES } from '../experiments/figures/scales.ts';
import type { Measurement } from './types.ts';

/** The whole paper at paper scale, estimated from one bench run's rates. */
export interface PaperEstimate {
  readonly figures: readonly { readonly name: string; readonly tasks: number; readonly hours: number }[];
  readonly totalHours: number;
  /** Worker threads the estimate assumes (the bench's), each running one task at a time. */
  readonly workers: number;
  /** The cost model and the rates it was fitted to. */
  readonly model: string;
}

const median = (ms: readonly Measurement[], id: string): number | null => ms.find((m) => m.id === id)?.summary.median ?? null;

/** Multiply-adds ×2 of one training step (forward 1×, backward 2×) of the authors' network, batch B. */
const stepFlop = (inputSize: number, width: number, depth: number, batch: number): number => {
  const macs = depth === 0 ? inputSize * 10 : inputSize * width + (depth - 1) * width * width + width * 10;
  return 6 * batch * macs;
};

/**
 * Estimated wall time of `vv acceptance --scale paper` (Figure 1 on MNIST and CIFAR-10, Figure 2
 * with 10,000 networks per initialiser and 1,000 MetaInit, Figure 3 at widths 10 and 200) from the
 * bench's measured rates, on `workers` worker threads. Cost model of one training step of width w
 * and depth d: t = d·c + flop(w, d)/R (a per-layer cost c — kernel dispatch, JavaScript loops — and a
 * GEMM rate R), fitted exactly to the single-core w10/d100 and w200/d100 steps/s; the test-set
 * evaluation of 10,000 images costs (10,000/90)·t/3 (forward only); a MetaInit initialisation of
 * (w, d) costs the measured w10/d100 seconds × t(w, d)/t(10, 100); Figure 2 runs at the measured
 * networks/s (worker grid where measured). Grids divide by `workers` times the measured grid
 * efficiency (grid steps/s ÷ (workers × single-core steps/s) at w200/d100). A model, not a
 * measurement: it says which figure dominates and roughly how long; null when a rate is missing.
 *
 * @example estimatePaperTime(report.workloads.flatMap((w) => w.measurements), 2)?.totalHours // e.g. 3.4
 */
export function estimatePaperTime(measurements: readonly Measurement[], workers: number): PaperEstimate | null {
  const s10 = median(measurements, 'fig3-train.w10d100.single');
  const s200 = median(measurements, 'fig3-train.w200d100.single');
  const fig2Rate = median(measurements, 'fig2.workers') ?? median(measurements, 'fig2.single');
  const metaSeconds = median(measurements, 'metainit');
  if (s10 === null || s200 === null || fig2Rate === null || metaSeconds === null) return null;
  const B = 90;
  const [t10, t200] = [1 / s10, 1 / s200];
  const [f10, f200] = [stepFlop(3072, 10, 100, B), stepFlop(3072, 200, 100, B)];
  let R = (f200 - f10) / (t200 - t10);
  let c = (t10 - f10 / R) / 100;
  if (!(R > 0) || !(c >= 0)) [R, c] = [f200 / t200, 0];
  const step = (inputSize: number, w: number, d: number): number => d * c + stepFlop(inputSize, w, d, B) / R;
  const gridSingle = median(measurements, 'fig3-train.w200d100.grid');
  const efficiency = workers > 1 && gridSingle !== null ? Math.min(1, gridSingle / (workers * s200)) : 1;
  const parallel = workers * efficiency;
  const training = (inputSize: number, w: number, d: number, steps: number, metainit: boolean): number =>
    steps * step(inputSize, w, d) + (10000 / B) * (step(inputSize, w, d) / 3) + (metainit ? metaSeconds * (step(inputSize, w, d) / step(3072, 10, 100)) : 0);
  const figures: { name: string; tasks: number; hours: number }[] = [];
  for (const [dataset, size] of [['mnist', 784], ['cifar10', 3072]] as const) {
    const f = FIGURE1_SCALES.paper;
    let seconds = 0;
    let tasks = 0;
    for (const w of f.widths) for (const d of f.depths) for (const _ of f.inits) for (let r = 0; r < f.reps; r++) {
      seconds += training(size, w, d, f.training.steps, false);
      tasks++;
    }
    figures.push({ name: `fig1-${dataset}`, tasks, hours: seconds / parallel / 3600 });
  }
  const f2 = FIGURE2_SCALES.paper;
  const random = f2.networks['he-normal'] + f2.networks['glorot-normal'] + f2.networks.orthogonal + f2.networks.gsm;
  figures.push({ name: 'fig2', tasks: random + f2.networks.metainit + 1, hours: ((random + f2.networks.metainit) / fig2Rate + (f2.networks.metainit * metaSeconds) / parallel) / 3600 });
  for (const width of [10, 200] as const) {
    const f = FIGURE3_SCALES.paper[width];
    let seconds = 0;
    let tasks = 0;
    for (const d of f.depths) for (const init of f.inits) for (let r = 0; r < f.reps; r++) {
      seconds += training(3072, width, d, f.training.steps, init === 'metainit');
      tasks++;
    }
    figures.push({ name: `fig3-w${width}`, tasks, hours: seconds / parallel / 3600 });
  }
  const model = `t(w, d) = d·${(c * 1e6).toFixed(1)} µs + flop/${(R / 1e9).toFixed(1)} GFLOP/s (fitted to ${s10.toFixed(1)} and ${s200.toFixed(2)} steps/s at w10/d100, w200/d100, 1 core); grid efficiency ${efficiency.toFixed(2)} on ${workers} workers; fig2 ${fig2Rate.toFixed(2)} networks/s; MetaInit ${metaSeconds.toFixed(1)} s per w10/d100 initialisation`;
  return { figures, totalHours: figures.reduce((s, f) => s + f.hours, 0), workers, model };
}
