import * as tf from '@tensorflow/tfjs-core';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { buildNetwork } from '../buildNetwork.ts';
import { INITIALISERS } from '../init/initialisers.ts';
import type { WeightMatrix } from '../init/types.ts';
import { attemptSeeds } from './internal/attemptSeeds.ts';
import { oneHot } from './internal/oneHot.ts';
import { explicitGradientQuotientAndScaleDerivatives } from './internal/explicitGradientQuotient.ts';
import { createFloat32Pool } from './internal/float32Pool.ts';
import { fusedGradientQuotientAndScaleDerivatives } from './internal/fusedGradientQuotient.ts';
import type { ScaleDerivatives } from './internal/scaleDerivatives.ts';
import { ensureNestedGradients } from './internal/registerGradients.ts';
import { sampleBatch } from './internal/sampleBatch.ts';
import { checkInteger, checkObject, checkReal, checkWidths } from './internal/validate.ts';

/** What {@link metaInit} reports after each completed step. */
export interface MetaInitStepInfo {
  /** 0 = first try, k = k-th restart. */
  readonly attempt: number;
  /** 0-based step index within the attempt. */
  readonly step: number;
  /** GQ of this step's batch at the weights before this step's update. */
  readonly gradientQuotient: number;
  /** Per weight matrix, ‖W‖ after the update divided by ‖W‖ of the attempt's He-normal draw. */
  readonly scales: readonly number[];
}

/** Options of {@link metaInit}; defaults are the authors' (REFERENCE-SETUP.md). */
export interface MetaInitOptions {
  /** Widths (n_0, …, n_L) of the L Linears; n_L is the number of classes. At least 2 integers ≥ 1. */
  readonly widths: readonly number[];
  /** Negative slope a of φ_a, finite (default 0: ReLU). Also sets the He-normal variance 2/(n(1 + a²)). */
  readonly slope?: number;
  /** Non-negative safe integer; attempt 0 draws its He-normal matrices as `buildNetwork` with this seed. */
  readonly seed: number;
  /** Sign-SGD steps per attempt, integer ≥ 1 (default 500). */
  readonly steps?: number;
  /** Learning rate on the norms, finite > 0 (default 0.1). */
  readonly lr?: number;
  /** Momentum, finite in [0, 1) (default 0.9). */
  readonly momentum?: number;
  /** Standard-normal inputs per step, integer ≥ 1 (default 32). */
  readonly batchSize?: number;
  /** ε of the gradient quotient, finite > 0 (default 1e-5). */
  readonly eps?: number;
  /** Fresh He-normal draws allowed after a degenerate attempt, integer ≥ 0 (default 5). */
  readonly maxRestarts?: number;
  /**
   * What a step that would make a norm ‖W_j‖ + m_j negative does (default 'flip', the authors' code):
   * 'flip' multiplies W_j by the negative factor anyway, as PyTorch's `p.data.mul_(new_norm / norm)`
   * (the matrix changes sign; its norm is |‖W_j‖ + m_j|); 'restart' counts it as a degeneration.
   * A norm of exactly 0 is a degeneration either way.
   */
  readonly negativeNorm?: 'flip' | 'restart';
  /** false (default): the authors' architecture (first Linear on the raw input); true: the paper's φ_a before every Linear. */
  readonly activateInput?: boolean;
  /** Called after every completed step (progress, diagnostics). */
  readonly onStep?: (info: MetaInitStepInfo) => void;
  /**
   * 'fused' (default): the explicit formulas on Float32Arrays with products through the BLAS
   * provider (fusedGradientQuotient.ts); 'tfjs': the same formulas as tfjs kernels
   * (explicitGradientQuotient.ts), the reference.
   */
  readonly engine?: 'fused' | 'tfjs';
}

/** Why an attempt was abandoned. */
export interface MetaInitDegeneration {
  readonly attempt: number;
  readonly step: number;
  readonly reason: string;
}

/** Result of {@link metaInit}. */
export interface MetaInitResult {
  /** The initialised weight matrices, float32 row-major [fanOut × fanIn] (biases stay zero). */
  readonly matrices: WeightMatrix[];
  /** matrices[j] = fround(scales[j] × the successful attempt's He-normal matrix j); scales ≠ 0, negative only after a sign flip. */
  readonly scales: number[];
  /** `buildNetwork` seed of the He-normal draw that `matrices` rescale (`seed` unless restarted). */
  readonly heSeed: number;
  /** GQ of the first and of the last step of the successful attempt (the reference code prints the last). */
  readonly gradientQuotient: { readonly initial: number; readonly final: number };
  /** GQ per step of the successful attempt (each on that step's own batch, before its update). */
  readonly history: number[];
  /** Number of restarts (degenerate attempts) before the successful one. */
  readonly restarts: number;
  /** Sign flips (see `negativeNorm`) during the successful attempt, over all matrices. */
  readonly signFlips: number;
  /** Steps of the successful attempt (= options.steps). */
  readonly steps: number;
  /** One entry per abandoned attempt. */
  readonly degenerations: MetaInitDegeneration[];
}

/**
 * MetaInit (Dauphin & Schoenholz 2019) as the authors run it (their `metainit`, adapted from the
 * paper's reference code; REFERENCE-SETUP.md): start from He-normal (zero biases) and, for `steps`
 * steps, draw a batch of `batchSize` standard-normal inputs with uniform random labels, compute
 * the gradient quotient GQ of the cross-entropy over ALL parameters ({@link gradientQuotient}) and
 * its gradient G_j with respect to each weight matrix W_j, then move each matrix's norm by
 * sign-SGD with momentum, changing only its scale:
 *
 *   m_j ← momentum·m_j − lr·sign(⟨W_j, G_j⟩/‖W_j‖),   W_j ← W_j·(‖W_j‖ + m_j)/‖W_j‖.
 *
 * ⟨W_j, G_j⟩ = dGQ/ds at s = 1 for W_j → s·W_j, so the step follows the derivative of GQ along the
 * matrix's scale; it involves third derivatives of the loss, computed from explicit backprop and
 * R-operator formulas and their hand-written adjoint (`internal/explicitGradientQuotient.ts`,
 * checked against nested `tf.grads` and a float64 reference in its tests). Biases are parameters
 * of GQ but never updated.
 *
 * Degeneration and restarts. An attempt degenerates at the first step where GQ or some ⟨W_j, G_j⟩
 * is not finite, or some new norm ‖W_j‖ + m_j is not finite or exactly 0 — or negative, with
 * `negativeNorm: 'restart'`. It is then abandoned and the next attempt starts from a fresh
 * He-normal draw (seed `attemptSeeds(seed, k).he`, momentum reset, its own data stream), at most
 * `maxRestarts` times; if every attempt degenerates this throws. What the authors do: they restart
 * on an exception (`for _ in range(5): try: … except: continue` — at most 5 attempts, i.e. 4
 * restarts, after which the last, broken, model is kept). In PyTorch a norm of exactly 0 raises
 * (float division by zero at the next step); a negative new norm does NOT raise — it flips the
 * matrix's sign, which 'flip' reproduces — and a NaN or infinite GQ propagates silently into NaN
 * weights, which here restarts instead. The default is 'flip' because with 'restart' the paper's
 * own setting degenerates every time: at CIFAR-10 width 10, depth 100 (and already at depth 20)
 * the last matrices' norms are driven below 0 within 9–21 steps in each of the 6 attempts (6
 * He-normal draws; measured with seed 1), so it throws. With 'flip' the same run completes its
 * 500 steps without a restart, the last matrix's scale oscillating around 0 (−0.2…0.25) and
 * single-batch GQs spiking to ~1e7. 'restart' guarantees a positive rescaling of He-normal.
 *
 * Randomness: inputs are `normal().sample(rng)` rounded to float32 and labels pure-rand
 * `uniformInt`, from xoroshiro128+ seeded with `attemptSeeds(seed, attempt).data` (so a run is
 * reproducible on a backend; PyTorch's own streams cannot be matched). Differences from PyTorch
 * beyond the random streams: ‖W_j‖ is tracked in float64 as
 * scale_j·‖W⁰_j‖ (‖W⁰_j‖ from the float32 draw), and each step's weights are fround(scale_j·W⁰_j)
 * rather than repeated in-place float32 multiplications, so the returned matrices are exactly one
 * rounding away from scale_j·W⁰_j.
 *
 * @example metaInit({ widths: [16, 8, 8, 8, 10], seed: 1, steps: 30 })
 * // gradientQuotient { initial: 18.63, final: 0.72 } (single batches), scales ≈ [0.49, 0.53, −0.19, −0.12],
 * // signFlips 4 (wasm backend; held-out GQ 8.91 → 0.36, see metaInit.test.ts)
 * @throws Error naming `metaInit` and the field for a bad option; Error naming `metaInit` when all
 *   1 + maxRestarts attempts degenerate (with each reason).
 */
export function metaInit(options: MetaInitOptions): MetaInitResult {
  const api = 'metaInit';
  checkObject(api, options);
  const widths = checkWidths(api, options.widths);
  const slope = checkReal(api, 'slope', options.slope ?? 0, {});
  const seed = checkInteger(api, 'seed', options.seed, 0);
  const steps = checkInteger(api, 'steps', options.steps ?? 500, 1);
  const lr = checkReal(api, 'lr', options.lr ?? 0.1, { above: 0 });
  const momentum = checkReal(api, 'momentum', options.momentum ?? 0.9, { atLeast: 0, below: 1 });
  const batchSize = checkInteger(api, 'batchSize', options.batchSize ?? 32, 1);
  const eps = checkReal(api, 'eps', options.eps ?? 1e-5, { above: 0 });
  const maxRestarts = checkInteger(api, 'maxRestarts', options.maxRestarts ?? 5, 0);
  const negativeNorm = options.negativeNorm ?? 'flip';
  if (negativeNorm !== 'flip' && negativeNorm !== 'restart') throw new Error(`${api}: options.negativeNorm must be 'flip' or 'restart', got ${String(negativeNorm)}`);
  const activateInput = options.activateInput ?? false;
  if (typeof activateInput !== 'boolean') throw new Error(`${api}: options.activateInput must be a boolean, got ${String(activateInput)}`);
  const onStep = options.onStep;
  if (onStep !== undefined && typeof onStep !== 'function') throw new Error(`${api}: options.onStep must be a function, got ${String(onStep)}`);
  const engine = options.engine ?? 'fused';
  if (engine !== 'fused' && engine !== 'tfjs') throw new Error(`${api}: options.engine must be 'fused' or 'tfjs', got ${String(engine)}`);

  // Not needed by the explicit formulas; kept so that the gradient configs registered in a process
  // that runs metaInit (e.g. before training) stay what they were.
  ensureNestedGradients();
  const degenerations: MetaInitDegeneration[] = [];
  for (let attempt = 0; attempt <= maxRestarts; attempt++) {
    const seeds = attemptSeeds(seed, attempt);
    const outcome = runAttempt({ widths, slope, activateInput, steps, lr, momentum, batchSize, eps, negativeNorm, attempt, seeds, onStep, engine });
    if ('reason' in outcome) {
      degenerations.push(outcome);
      continue;
    }
    return {
      matrices: outcome.initial.map((m, j) => scaled(m, outcome.scales[j]!)),
      scales: outcome.scales,
      heSeed: seeds.he,
      gradientQuotient: { initial: outcome.history[0]!, final: outcome.history[outcome.history.length - 1]! },
      history: outcome.history,
      restarts: attempt,
      signFlips: outcome.signFlips,
      steps,
      degenerations,
    };
  }
  const reasons = degenerations.map((d) => `attempt ${d.attempt}, step ${d.step}: ${d.reason}`).join('; ');
  throw new Error(`${api}: every one of the ${maxRestarts + 1} attempts degenerated (${reasons}); raise options.maxRestarts or change options.seed`);
}

interface AttemptInputs {
  readonly widths: readonly number[];
  readonly slope: number;
  readonly activateInput: boolean;
  readonly steps: number;
  readonly lr: number;
  readonly momentum: number;
  readonly batchSize: number;
  readonly eps: number;
  readonly negativeNorm: 'flip' | 'restart';
  readonly attempt: number;
  readonly seeds: { readonly he: number; readonly data: number };
  readonly onStep: ((info: MetaInitStepInfo) => void) | undefined;
  readonly engine: 'fused' | 'tfjs';
}

interface AttemptSuccess {
  readonly initial: readonly WeightMatrix[];
  readonly scales: number[];
  readonly history: number[];
  readonly signFlips: number;
}

function runAttempt(inputs: AttemptInputs): AttemptSuccess | MetaInitDegeneration {
  const { widths, slope, activateInput, steps, lr, momentum, batchSize, eps, negativeNorm, attempt, seeds, onStep, engine } = inputs;
  const he = buildNetwork({ widths, initialiser: INITIALISERS['he-normal'], slope, seed: seeds.he, activateInput });
  // The He tensors themselves are not needed: each step uploads fround(scale·W⁰) afresh.
  tf.dispose(he.parameters as tf.Tensor[]);
  const initial = he.matrices;
  const initialNorms = initial.map((m) => norm(m.data));
  const classes = widths[widths.length - 1]!;
  const rng = xoroshiro128plus(seeds.data);
  const scales = initial.map(() => 1);
  const memory = initial.map(() => 0);
  const history: number[] = [];
  let signFlips = 0;
  const biases = widths.slice(1).map((n) => tf.zeros([n]));
  const zeroBiases = widths.slice(1).map((n) => new Float32Array(n));
  // The fused engine reads fround(scale·W⁰) from these buffers, refilled each step (it keeps no reference).
  const fusedWeights = engine === 'fused' ? initial.map((m) => new Float32Array(m.data.length)) : [];
  // …and its ≈ 60 intermediate matrices per step from this pool, reused from step to step.
  const pool = createFloat32Pool();
  try {
    for (let step = 0; step < steps; step++) {
      const batch = sampleBatch({ batchSize, inputSize: widths[0]!, classes, rng });
      if (engine === 'fused') {
        for (let j = 0; j < initial.length; j++) scaleInto(initial[j]!.data, scales[j]!, fusedWeights[j]!);
        const measuredFused = fusedGradientQuotientAndScaleDerivatives({ widths, weights: fusedWeights, biases: zeroBiases, slope, activateInput, x: batch.x, labels: batch.labels, eps, pool });
        const outcome = update(measuredFused, step);
        if (outcome !== null) return outcome;
        continue;
      }
      const weights = initial.map((m, j) => {
        const w = scaled(m, scales[j]!);
        return tf.tensor2d(w.data, [w.rows, w.cols]);
      });
      const x = tf.tensor2d(batch.x, [batchSize, widths[0]!]);
      const targets = oneHot(batch.labels, classes);
      let measured: ScaleDerivatives;
      try {
        measured = explicitGradientQuotientAndScaleDerivatives({ weights, biases, slope, activateInput, x, oneHot: targets, eps });
      } finally {
        tf.dispose([...weights, x, targets]);
      }
      const outcome = update(measured, step);
      if (outcome !== null) return outcome;
    }
    return { initial, scales, history, signFlips };
  } finally {
    tf.dispose(biases);
  }

  /** One sign-SGD step on the norms from the measured GQ and scale derivatives; a degeneration, or null. */
  function update(measured: ScaleDerivatives, step: number): MetaInitDegeneration | null {
    const { gradientQuotient: gq, scaleDerivatives } = measured;
    if (!Number.isFinite(gq)) return { attempt, step, reason: `gradient quotient is ${gq}` };
    history.push(gq);
    for (let j = 0; j < initial.length; j++) {
      const dot = scaleDerivatives[j]!;
      if (!Number.isFinite(dot)) return { attempt, step, reason: `⟨W, ∂GQ/∂W⟩ of matrix ${j} is ${dot}` };
      // PyTorch: norm = ‖p‖; memory = momentum·memory − lr·sign(⟨p, G⟩/norm); p *= (norm + memory)/norm.
      const current = Math.abs(scales[j]!) * initialNorms[j]!;
      memory[j] = momentum * memory[j]! - lr * Math.sign(dot / current);
      const next = current + memory[j]!;
      if (!Number.isFinite(next) || next === 0 || (next < 0 && negativeNorm === 'restart')) {
        return { attempt, step, reason: `norm of matrix ${j} would become ${next}` };
      }
      if (next < 0) signFlips++;
      scales[j] = scales[j]! * (next / current);
    }
    onStep?.({ attempt, step, gradientQuotient: gq, scales: scales.slice() });
    return null;
  }
}

/** Euclidean (Frobenius) norm in float64. */
function norm(data: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i]! * data[i]!;
  return Math.sqrt(sum);
}

/** fround(scale·W) entry by entry. */
function scaled(m: WeightMatrix, scale: number): WeightMatrix {
  const data = new Float32Array(m.data.length);
  scaleInto(m.data, scale, data);
  return { rows: m.rows, cols: m.cols, data };
}

/** out_i = fround(scale·w_i); e.g. scaleInto([1, 2], 0.5, out) leaves out = [0.5, 1]. */
function scaleInto(w: Float32Array, scale: number, out: Float32Array): void {
  for (let i = 0; i < w.length; i++) out[i] = w[i]! * scale;
}
