import * as tf from '@tensorflow/tfjs-core';
// Side effect only: the union package's Node bundle registers tfjs's (first-order) gradient
// configs with the one deduplicated copy of @tensorflow/tfjs-core; tfjs-core's own Node bundle
// registers none, so tf.variableGrads would fail with "gradient function not found".
import '@tensorflow/tfjs';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { BuiltNetwork } from '../network/buildNetwork.ts';
import { forward } from '../network/forward.ts';
import { evaluateAccuracy } from './evaluateAccuracy.ts';
import { createBatchSampler } from './internal/createBatchSampler.ts';
import { createAdam } from './internal/adam.ts';
import { createFusedTrainer } from './fused/createFusedTrainer.ts';
import type { FusedNetworkSpec } from './fused/types.ts';
import { currentGemm } from '../blas/initBlas.ts';

/**
 * Without a system BLAS (GEMM 'wasm'), the fused engine is chosen automatically only up to this
 * hidden width: its products then go through tfjs's matMul with JavaScript packing and copies,
 * which beyond it costs more than tfjs's own tape saves. Measured on 2 loaded cores (wasm, steps/s
 * fused vs tfjs): w10/d100 20.5 vs 6.9, w30/d25 29.9 vs 20.7, w50/d50 13.3 vs 7.9, w100/d20 15.4 vs
 * 16.8, w200/d100 0.6 vs 1.0. With a system BLAS the fused engine is always chosen.
 */
export const FUSED_WASM_MAX_WIDTH = 64;

/** Preprocessed examples with labels, as one split of `preprocess`'s output. */
export interface LabelledData {
  /** count × size float32 values, image-major. */
  readonly values: Float32Array;
  /** count class indices. */
  readonly labels: Uint8Array;
  readonly count: number;
  /** Values per example (the network's input width). */
  readonly size: number;
}

/** Loss of one gradient step, as handed to `onStep` and kept in `lossHistory`. */
export interface StepLoss {
  /** 1-based gradient step. */
  readonly step: number;
  /** Mean cross-entropy of that step's batch, before its update. */
  readonly loss: number;
}

/** Options of {@link trainNetwork}. */
export interface TrainNetworkOptions {
  /** From `buildNetwork({ …, trainable: true })`: every parameter a tf.Variable, updated in place. */
  readonly network: BuiltNetwork;
  readonly train: LabelledData;
  /** Scored in full after training. */
  readonly test: LabelledData;
  /** Gradient steps N, integer ≥ 1 (default 500, REFERENCE-SETUP.md). */
  readonly steps?: number;
  /** Examples per batch, integer ≥ 1 (default 90). */
  readonly batchSize?: number;
  /** Adam's learning rate, finite > 0 (no default: 1e-4 / 1e-5 in the paper). */
  readonly learningRate: number;
  /** Adam β1 in [0, 1) (default 0.9). */
  readonly beta1?: number;
  /** Adam β2 in [0, 1) (default 0.999). */
  readonly beta2?: number;
  /** Adam ε, finite ≥ 0 (default 1e-8, PyTorch's; tfjs's own default would be the backend's 1e-7). */
  readonly epsilon?: number;
  /** Seed (non-negative safe integer) of the batch shuffling generator. */
  readonly seed: number;
  /** Keep the loss of every `lossEvery`-th step (and of the last) in `lossHistory`, integer ≥ 1 (default 10). */
  readonly lossEvery?: number;
  /** Test examples per forward pass (default 1000). */
  readonly evalChunkSize?: number;
  /** Called after every step with its loss (also the diverging one). */
  readonly onStep?: (info: StepLoss) => void;
  /**
   * 'auto' (default): the fused engine (`createFusedTrainer`: explicit backprop and Adam on
   * Float32Arrays, products through the BLAS provider) wherever it applies — the network's
   * parameters are exactly its layers' weights and biases, in order — and is the faster one (with
   * a system BLAS always; on the wasm GEMM up to hidden width FUSED_WASM_MAX_WIDTH), else tfjs; 'tfjs': the
   * reference (tf.variableGrads on the shared forward pass); 'fused': the fused engine or an error.
   */
  readonly engine?: 'auto' | 'fused' | 'tfjs';
}

/** Outcome of {@link trainNetwork}. */
export interface TrainResult {
  /** 'diverged' when a batch loss, or a test logit after training, was NaN or ±Inf. */
  readonly status: 'ok' | 'diverged';
  /** The step whose batch loss was non-finite, or `steps` when only the test logits were; null when ok. */
  readonly divergedAt: number | null;
  /** Where divergence was seen; null when ok. */
  readonly divergedIn: 'training' | 'evaluation' | null;
  /** Adam updates applied (the requested N when training did not diverge; a non-finite loss applies none). */
  readonly steps: number;
  /** Loss of the last step computed (non-finite when it diverged in training). */
  readonly finalLoss: number;
  readonly lossHistory: readonly StepLoss[];
  /** Test accuracy in [0, 1] on the whole test set; null when diverged. */
  readonly accuracy: number | null;
  /** Epochs of the training set begun. */
  readonly epochs: number;
  /** Wall-clock seconds, training and evaluation. */
  readonly seconds: number;
  /** Which engine trained: the fused one, or tfjs's tape (see `TrainNetworkOptions.engine`). */
  readonly engine: 'fused' | 'tfjs';
}

/**
 * The authors' training loop (REFERENCE-SETUP.md, Training) on the shared forward pass: Adam
 * (PyTorch's update: bias-corrected moments, ε added to √v̂; no weight decay), loss = PyTorch's
 * `nn.CrossEntropyLoss()` on the logits (softmax cross-entropy, mean over the batch), batches
 * drawn as `DataLoader(shuffle=True, drop_last=False)` with a seeded generator (see
 * `createBatchSampler`: a fresh permutation each epoch, the last batch of an epoch holding the
 * remainder, e.g. 50 of 50,000 at batch 90), N gradient steps, then top-1 accuracy on the WHOLE test
 * set (`evaluateAccuracy`). A non-finite batch loss stops training at that step without applying
 * its update: status 'diverged', accuracy null — never an exception, never a chance-level score.
 * Tensors allocated here are all freed (the network's variables keep their trained values).
 * Engine: the fused one (`createFusedTrainer`: explicit forward/backward/Adam on Float32Arrays,
 * large products through the BLAS provider — `currentGemm()`) wherever it applies, else tfjs's
 * tape; `engine` in the result says which (see `TrainNetworkOptions.engine`). Both compute the same
 * update; they differ in float32 summation order only (tested against each other and PyTorch).
 * Reproducible: same options, seed, engine, backend and BLAS → identical result (except `seconds`).
 *
 * @example trainNetwork({ network, train, test, learningRate: 1e-3, seed: 1, steps: 100 }).accuracy
 * // 0.439  (MNIST, first 2000 train / 2000 test images, authors' preprocessing, width 10 depth 2,
 * //         He-normal seed 1, batch 90, wasm; see the test)
 * @throws Error naming the field when an option is malformed (before any work).
 */
export function trainNetwork(options: TrainNetworkOptions): TrainResult {
  const started = performance.now();
  const o = validate(options);
  const fused = o.engine === 'tfjs' ? null : fusedSpecOf(o.network);
  if (o.engine === 'fused' && fused === null) fail('engine', "is 'fused' but the fused engine does not apply (network.parameters must be exactly the layers' weights and biases, in order)", o.engine);
  if (fused !== null && (o.engine === 'fused' || (o.engine === 'auto' && fusedIsFaster(fused)))) return trainFused(o, fused, started);
  const { network, train } = o;
  const variables = network.parameters as tf.Variable[];
  const rng = xoroshiro128plus((o.seed >>> 0) ^ Math.floor(o.seed / 2 ** 32));
  const sampler = createBatchSampler({ count: train.count, batchSize: o.batchSize, rng });
  const classes = network.layers[network.layers.length - 1]!.weight.shape[0]!;
  const optimizer = createAdam(variables, o);
  const lossHistory: StepLoss[] = [];
  let applied = 0;
  let finalLoss = Number.NaN;
  let divergedAt: number | null = null;
  try {
    for (let step = 1; step <= o.steps; step++) {
      const indices = sampler.next();
      const { x, y } = gatherBatch(train, indices, classes);
      const { value, grads } = tf.variableGrads(() => {
        const logits = forward(network, x).output;
        return tf.losses.softmaxCrossEntropy(y, logits, undefined, 0, tf.Reduction.MEAN) as tf.Scalar;
      }, variables);
      const loss = value.dataSync()[0]!;
      finalLoss = loss;
      if (Number.isFinite(loss)) {
        optimizer.step(variables.map((v) => grads[v.name]!));
        applied++;
      }
      tf.dispose([x, y, value, ...Object.values(grads)]);
      if (step % o.lossEvery === 0 || step === o.steps || !Number.isFinite(loss)) lossHistory.push({ step, loss });
      o.onStep?.({ step, loss });
      if (!Number.isFinite(loss)) {
        divergedAt = step;
        break;
      }
    }
  } finally {
    optimizer.dispose();
  }
  const base = { steps: applied, finalLoss, lossHistory, epochs: sampler.epoch };
  const seconds = (): number => (performance.now() - started) / 1000;
  if (divergedAt !== null) return finish(o, null, base, seconds(), 'tfjs', divergedAt);
  const scored = evaluateAccuracy({ network, data: o.test, chunkSize: o.evalChunkSize });
  return finish(o, scored.accuracy, base, seconds(), 'tfjs', divergedAt);
}

type Base = Pick<TrainResult, 'steps' | 'finalLoss' | 'lossHistory' | 'epochs'>;

function finish(o: Validated, accuracy: number | null, base: Base, seconds: number, engine: TrainResult['engine'], divergedAt: number | null): TrainResult {
  if (divergedAt !== null) return { status: 'diverged', divergedAt, divergedIn: 'training', accuracy: null, ...base, seconds, engine };
  if (accuracy === null) return { status: 'diverged', divergedAt: o.steps, divergedIn: 'evaluation', accuracy: null, ...base, seconds, engine };
  return { status: 'ok', divergedAt: null, divergedIn: null, accuracy, ...base, seconds, engine };
}

/**
 * The network as the fused engine holds it, or null where the engine does not apply: its
 * parameters must be exactly [W_1, b_1, W_2, b_2, …] (or [W_1, W_2, …] without biases) — the
 * layers' own float32 tensors, biases of shape [fanOut] — so that training them is training it.
 */
function fusedSpecOf(network: BuiltNetwork): FusedNetworkSpec | null {
  const { layers, parameters } = network;
  const withBias = layers[0]!.bias !== undefined;
  if (layers.some((l) => (l.bias !== undefined) !== withBias)) return null;
  const expected = layers.flatMap((l) => (withBias ? [l.weight, l.bias!] : [l.weight]));
  if (parameters.length !== expected.length || expected.some((t, i) => parameters[i] !== t || t.dtype !== 'float32')) return null;
  const widths = [layers[0]!.weight.shape[1]!, ...layers.map((l) => l.weight.shape[0]!)];
  if (layers.some((l, i) => l.weight.shape[1] !== widths[i] || (withBias && (l.bias!.rank !== 1 || l.bias!.shape[0] !== widths[i + 1])))) return null;
  return {
    widths,
    weights: layers.map((l) => l.weight.dataSync() as Float32Array),
    biases: withBias ? layers.map((l) => l.bias!.dataSync() as Float32Array) : null,
    slope: network.slope,
    activateInput: network.activateInput,
  };
}

/** The automatic choice: always with a system BLAS; on the wasm GEMM only for narrow networks. */
function fusedIsFaster(spec: FusedNetworkSpec): boolean {
  if (currentGemm().info.provider !== 'wasm') return true;
  return Math.max(...spec.widths.slice(1, -1), 0) <= FUSED_WASM_MAX_WIDTH;
}

/** trainNetwork's loop on the fused engine; the trained values are written back into the variables. */
function trainFused(o: Validated, spec: FusedNetworkSpec, started: number): TrainResult {
  const rng = xoroshiro128plus((o.seed >>> 0) ^ Math.floor(o.seed / 2 ** 32));
  const sampler = createBatchSampler({ count: o.train.count, batchSize: o.batchSize, rng });
  const trainer = createFusedTrainer({ network: spec, maxBatch: o.batchSize, evalChunk: o.evalChunkSize, adam: o });
  const lossHistory: StepLoss[] = [];
  let applied = 0;
  let finalLoss = Number.NaN;
  let divergedAt: number | null = null;
  for (let step = 1; step <= o.steps; step++) {
    const loss = trainer.lossAndGradients(o.train, sampler.next());
    finalLoss = loss;
    if (Number.isFinite(loss)) {
      trainer.adamStep();
      applied++;
    }
    if (step % o.lossEvery === 0 || step === o.steps || !Number.isFinite(loss)) lossHistory.push({ step, loss });
    o.onStep?.({ step, loss });
    if (!Number.isFinite(loss)) {
      divergedAt = step;
      break;
    }
  }
  const { layout } = trainer;
  // Inside tidy: assign shares the temporary's data, tidy then frees the temporary tensor itself.
  tf.tidy(() =>
    o.network.layers.forEach((layer, i) => {
      (layer.weight as tf.Variable).assign(tf.tensor(trainer.weight(i + 1), layer.weight.shape, 'float32'));
      if (layout.biasOffset[i]! >= 0) (layer.bias as tf.Variable).assign(tf.tensor(trainer.bias(i + 1)!, layer.bias!.shape, 'float32'));
    }),
  );
  const base = { steps: applied, finalLoss, lossHistory, epochs: sampler.epoch };
  const accuracy = divergedAt === null ? trainer.evaluate(o.test).accuracy : null;
  return finish(o, accuracy, base, (performance.now() - started) / 1000, 'fused', divergedAt);
}

/** One batch: inputs [B, size] gathered in JavaScript, one-hot float32 targets [B, classes]. */
function gatherBatch(data: LabelledData, indices: Int32Array, classes: number): { x: tf.Tensor2D; y: tf.Tensor2D } {
  const { size, values, labels } = data;
  const xs = new Float32Array(indices.length * size);
  // Built in JavaScript, not tf.oneHot: tfjs-backend-wasm 4.22's float32 oneHot writes 1 as 1.4e-45.
  const ys = new Float32Array(indices.length * classes);
  indices.forEach((index, row) => {
    xs.set(values.subarray(index * size, (index + 1) * size), row * size);
    ys[row * classes + labels[index]!] = 1;
  });
  return { x: tf.tensor2d(xs, [indices.length, size]), y: tf.tensor2d(ys, [indices.length, classes]) };
}

type Validated = Required<Omit<TrainNetworkOptions, 'onStep' | 'evalChunkSize'>> & Pick<TrainNetworkOptions, 'onStep' | 'evalChunkSize'>;

function fail(field: string, message: string, value: unknown): never {
  throw new Error(`trainNetwork: options.${field} ${message}, got ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
}

function integer(field: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) fail(field, `must be an integer ≥ ${min}`, value);
  return value;
}

function validate(options: TrainNetworkOptions): Validated {
  const { network } = options;
  if (network === null || typeof network !== 'object' || !Array.isArray(network.layers) || network.layers.length === 0) {
    fail('network', 'must be a BuiltNetwork with at least one layer', network);
  }
  network.layers.forEach((layer, i) => {
    if (layer.weight.rank !== 2) fail(`network.layers[${i}].weight`, 'must have rank 2 [fanOut, fanIn] (one network, not a batch)', layer.weight.shape);
  });
  if (!Array.isArray(network.parameters) || network.parameters.length === 0) fail('network.parameters', 'must list the network’s tensors', network.parameters);
  network.parameters.forEach((p, i) => {
    if (!(p instanceof tf.Variable) || !p.trainable) fail(`network.parameters[${i}]`, 'must be a trainable tf.Variable (buildNetwork({ …, trainable: true }))', p.shape);
  });
  const inputSize = network.layers[0]!.weight.shape[1]!;
  const classes = network.layers[network.layers.length - 1]!.weight.shape[0]!;
  for (const split of ['train', 'test'] as const) {
    const data = options[split];
    if (data === null || typeof data !== 'object') fail(split, 'must be { values, labels, count, size }', data);
    integer(`${split}.count`, data.count, 1);
    if (data.size !== inputSize) fail(`${split}.size`, `must equal the network's input width ${inputSize}`, data.size);
    if (!(data.values instanceof Float32Array) || data.values.length !== data.count * data.size) {
      fail(`${split}.values`, `must be a Float32Array of count × size = ${data.count * data.size} values`, data.values?.length);
    }
    if (!(data.labels instanceof Uint8Array) || data.labels.length !== data.count) fail(`${split}.labels`, `must be a Uint8Array of count = ${data.count} labels`, data.labels?.length);
    const bad = data.labels.findIndex((label) => label >= classes);
    if (bad >= 0) fail(`${split}.labels[${bad}]`, `must be a class index < ${classes} (the network's output width)`, data.labels[bad]);
  }
  const steps = integer('steps', options.steps ?? 500, 1);
  const batchSize = integer('batchSize', options.batchSize ?? 90, 1);
  const lossEvery = integer('lossEvery', options.lossEvery ?? 10, 1);
  if (options.evalChunkSize !== undefined) integer('evalChunkSize', options.evalChunkSize, 1);
  const { learningRate } = options;
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) fail('learningRate', 'must be a finite number > 0', learningRate);
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-8;
  if (!(beta1 >= 0 && beta1 < 1)) fail('beta1', 'must be in [0, 1)', beta1);
  if (!(beta2 >= 0 && beta2 < 1)) fail('beta2', 'must be in [0, 1)', beta2);
  if (!(Number.isFinite(epsilon) && epsilon >= 0)) fail('epsilon', 'must be a finite number ≥ 0', epsilon);
  if (!Number.isSafeInteger(options.seed) || options.seed < 0) fail('seed', 'must be a non-negative safe integer', options.seed);
  if (options.onStep !== undefined && typeof options.onStep !== 'function') fail('onStep', 'must be a function', typeof options.onStep);
  const engine = options.engine ?? 'auto';
  if (!['auto', 'fused', 'tfjs'].includes(engine)) fail('engine', "must be 'auto', 'fused' or 'tfjs'", engine);
  return { ...options, steps, batchSize, lossEvery, learningRate, beta1, beta2, epsilon, engine };
}
