import * as tf from '@tensorflow/tfjs-core';

/**
 * Gradients of the kernels that MetaInit's third-order differentiation passes through.
 *
 * Why this file exists: the Node.js entry of @tensorflow/tfjs-core 4.22 (`dist/tf-core.node.js`,
 * the only one Node can load: the ESM build under `dist/` uses extension-less imports) registers
 * NO gradient at all — the canonical configs live in `dist/register_all_gradients.js`, which only
 * the `@tensorflow/tfjs` union package loads, and which is not installed here. Every `tf.grad`
 * therefore fails with "gradient function not found for Neg" (or RealDiv, …).
 *
 * The configs below are written for NESTED differentiation (tf.grads inside tf.grads):
 * 1. every gradient is built from ops whose own gradients are registered here, so the chain closes;
 * 2. no config uses `outputsToSave`. tfjs saves a kernel's tensors for backprop as clones whose
 *    tape node is pushed BEFORE the kernel's own node; `getFilteredNodesXToY` scans the tape in
 *    order, so the clone of an OUTPUT is never seen as depending on x and the second derivative
 *    through it is silently dropped (canonical tfjs `Exp`, `Sqrt`, `Tanh`, `Sigmoid` save their
 *    output). Saved INPUTS are fine. Here `Exp` recomputes exp(x) and `Max` recomputes max(x);
 * 3. `Abs` follows PyTorch: d|x|/dx = sign(x), so 0 at 0 (canonical tfjs gives −1 at 0).
 *
 * A kernel that already has a gradient registered elsewhere keeps it, unless that config saves
 * outputs (point 2: it would silently break nesting), which is replaced (tfjs warns "Overriding").
 */
const CONFIGS: readonly tf.GradConfig[] = [
  { kernelName: 'Add', inputsToSave: ['a', 'b'], gradFunc: (dy, [a, b]) => ({ a: () => reduceTo(one(dy), a!), b: () => reduceTo(one(dy), b!) }) },
  {
    kernelName: 'Sub',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => ({ a: () => reduceTo(one(dy), a!), b: () => reduceTo(tf.neg(one(dy)), b!) }),
  },
  {
    kernelName: 'Multiply',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => ({ a: () => reduceTo(tf.mul(one(dy), float(b!)), a!), b: () => reduceTo(tf.mul(one(dy), float(a!)), b!) }),
  },
  {
    kernelName: 'RealDiv',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b]) => ({
      a: () => reduceTo(tf.div(one(dy), float(b!)), a!),
      b: () => reduceTo(tf.neg(tf.div(tf.mul(one(dy), float(a!)), tf.square(float(b!)))), b!),
    }),
  },
  { kernelName: 'Neg', gradFunc: (dy) => ({ x: () => tf.neg(one(dy)) }) },
  { kernelName: 'Square', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(one(dy), tf.mul(float(x!), 2)) }) },
  { kernelName: 'Abs', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(one(dy), tf.sign(float(x!))) }) },
  { kernelName: 'Exp', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(one(dy), tf.exp(x!)) }) },
  { kernelName: 'Log', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.div(one(dy), float(x!)) }) },
  { kernelName: 'Relu', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.mul(one(dy), tf.step(x!)) }) },
  {
    kernelName: 'LeakyRelu',
    inputsToSave: ['x'],
    // φ_a'(x) = 1 for x > 0, a otherwise (PyTorch's leaky_relu backward; tf.step(x, a) is exactly that).
    gradFunc: (dy, [x], attrs) => ({ x: () => tf.mul(one(dy), tf.step(x!, attrs['alpha'] as number)) }),
  },
  // Piecewise-constant ops: zero derivative (PyTorch's convention for sign, step and comparisons).
  { kernelName: 'Step', gradFunc: (dy) => ({ x: () => tf.zerosLike(one(dy)) }) },
  { kernelName: 'Sign', gradFunc: (dy) => ({ x: () => tf.zerosLike(one(dy)) }) },
  { kernelName: 'ZerosLike', gradFunc: (dy) => ({ x: () => tf.zerosLike(one(dy)) }) },
  { kernelName: 'OnesLike', gradFunc: (dy) => ({ x: () => tf.zerosLike(one(dy)) }) },
  { kernelName: 'Equal', inputsToSave: ['a', 'b'], gradFunc: (_dy, [a, b]) => ({ a: () => tf.zerosLike(float(a!)), b: () => tf.zerosLike(float(b!)) }) },
  { kernelName: 'Cast', gradFunc: (dy) => ({ x: () => tf.clone(one(dy)) }) },
  { kernelName: 'Identity', gradFunc: (dy) => ({ x: () => tf.clone(one(dy)) }) },
  { kernelName: 'Reshape', inputsToSave: ['x'], gradFunc: (dy, [x]) => ({ x: () => tf.reshape(one(dy), x!.shape) }) },
  {
    kernelName: 'AddN',
    saveAllInputs: true,
    gradFunc: (dy, saved) => Object.fromEntries(saved.map((_, i) => [i, () => tf.clone(one(dy))])),
  },
  {
    kernelName: 'Sum',
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => ({ x: () => broadcastBack(one(dy), x!, attrs['axis'] as number | number[]) }),
  },
  {
    kernelName: 'Mean',
    inputsToSave: ['x'],
    gradFunc: (dy, [x], attrs) => {
      const axes = tf.util.parseAxisParam(attrs['axis'] as number | number[], x!.shape);
      const count = axes.reduce((n, axis) => n * x!.shape[axis]!, 1);
      return { x: () => tf.div(broadcastBack(one(dy), x!, axes), count) };
    },
  },
  {
    kernelName: 'Max',
    inputsToSave: ['x'],
    // dy flows to the maximal entries (to every tie, as tfjs); the max is recomputed from the
    // saved input rather than saved as an output (see 2. above).
    gradFunc: (dy, [x], attrs) => ({
      x: () => {
        const axes = tf.util.parseAxisParam(attrs['reductionIndices'] as number | number[], x!.shape);
        const mask = tf.cast(tf.equal(x!, tf.max(x!, axes, true)), 'float32');
        return tf.mul(broadcastBack(one(dy), x!, axes), mask);
      },
    }),
  },
  {
    kernelName: 'BatchMatMul',
    inputsToSave: ['a', 'b'],
    gradFunc: (dy, [a, b], attrs) => {
      const g = one(dy);
      const tA = attrs['transposeA'] as boolean;
      const tB = attrs['transposeB'] as boolean;
      // C = op(A)·op(B): dA and dB for the four transpose combinations.
      const [da, db] = !tA && !tB
        ? [() => tf.matMul(g, b!, false, true), () => tf.matMul(a!, g, true, false)]
        : !tA && tB
          ? [() => tf.matMul(g, b!, false, false), () => tf.matMul(g, a!, true, false)]
          : tA && !tB
            ? [() => tf.matMul(b!, g, false, true), () => tf.matMul(a!, g, false, false)]
            : [() => tf.matMul(b!, g, true, true), () => tf.matMul(g, a!, true, true)];
      return { a: () => reduceTo(da(), a!), b: () => reduceTo(db(), b!) };
    },
  },
];

let registered = false;

/**
 * Registers, once per process, the gradient of each kernel listed above that has none yet or
 * has one that saves outputs (see the file comment). Idempotent.
 *
 * @example ensureNestedGradients(); tf.grad((x) => tf.exp(x))(tf.scalar(0)).dataSync() // Float32Array [1]
 */
export function ensureNestedGradients(): void {
  if (registered) return;
  for (const config of CONFIGS) {
    const existing = tf.getGradient(config.kernelName);
    if (existing === undefined || (existing.outputsToSave ?? []).some(Boolean)) tf.registerGradient(config);
  }
  registered = true;
}

function one(dy: tf.Tensor | tf.Tensor[]): tf.Tensor {
  if (Array.isArray(dy)) throw new Error('ensureNestedGradients: a single-output kernel received several dy');
  return dy;
}

function float(x: tf.Tensor): tf.Tensor {
  return x.dtype === 'float32' ? x : tf.cast(x, 'float32');
}

/** Sums a broadcast gradient back to `like`'s shape. */
function reduceTo(dx: tf.Tensor, like: tf.Tensor): tf.Tensor {
  const axes = tf.broadcast_util.getReductionAxes(like.shape, dx.shape);
  const reduced = axes.length > 0 ? tf.sum(dx, axes) : dx;
  return tf.reshape(reduced, like.shape);
}

/** dy of a reduction over `axis` (with or without keepDims), broadcast back to x's shape. */
function broadcastBack(dy: tf.Tensor, x: tf.Tensor, axis: number | number[]): tf.Tensor {
  const axes = tf.util.parseAxisParam(axis, x.shape);
  const kept = x.shape.map((n, i) => (axes.includes(i) ? 1 : n));
  return tf.mul(tf.reshape(dy, kept), tf.ones(x.shape));
}
