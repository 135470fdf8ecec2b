/**
 * An independent float64 reference for the gradient quotient, for tests only: no tfjs, no
 * automatic differentiation. The gradient is hand-written backpropagation; the Hessian-vector
 * product is the same backpropagation run on dual numbers a + b·δ (δ² = 0) with the parameters
 * θ + δ·g, whose δ-part is exactly H·g (forward-over-reverse; exact up to float64 rounding, unlike
 * finite differences). ReLU's kinks are handled as PyTorch does: φ'(0) = a (the negative side).
 */

/** A fully connected network in float64, PyTorch layout: weights[l] is [fanOut × fanIn] row-major. */
export interface Mlp64 {
  readonly widths: readonly number[];
  readonly weights: readonly Float64Array[];
  /** One per layer, or undefined for a Linear without bias. */
  readonly biases: readonly (Float64Array | undefined)[];
  readonly slope: number;
  readonly activateInput: boolean;
}

/** Inputs x [batch × n_0] row-major and the class labels. */
export interface Data64 {
  readonly x: Float64Array;
  readonly labels: ArrayLike<number>;
}

/** Flattened parameters in the order weights then biases, each layer in turn (W1, W2, …, b1, b2, …). */
export interface GradientQuotient64 {
  readonly loss: number;
  readonly gradient: Float64Array;
  readonly hessianGradient: Float64Array;
  readonly gradientQuotient: number;
}

/**
 * Loss, gradient g, H·g and GQ = (1/N) Σ |(g − Hg)/(g + ε·s) − 1| (s = 1 where g ≥ 0, else −1)
 * of the mean cross-entropy, all in float64, over every weight and every bias present.
 *
 * @example gradientQuotient64({ widths: [2, 2], weights: [Float64Array.of(1, 0, 0, 1)], biases: [undefined],
 *   slope: 0, activateInput: false }, { x: Float64Array.of(1, 0), labels: [0] }, 1e-5).gradientQuotient // ≈ 0.69662
 */
export function gradientQuotient64(net: Mlp64, data: Data64, eps: number, variant: { readonly hessian?: boolean } = {}): GradientQuotient64 {
  const plain = backprop(net, data, undefined);
  const g = plain.gradient;
  // `hessian: false` (a deliberately wrong GQ for tests' power checks) replaces Hg by 0.
  const hg = variant.hessian === false ? new Float64Array(g.length) : backprop(net, data, g).tangentGradient;
  let sum = 0;
  for (let i = 0; i < g.length; i++) sum += Math.abs((g[i]! - hg[i]!) / (g[i]! + eps * (g[i]! >= 0 ? 1 : -1)) - 1);
  return { loss: plain.loss, gradient: g, hessianGradient: hg, gradientQuotient: sum / g.length };
}

/** net with weight matrix j multiplied by s (biases untouched). */
export function scaleMatrix64(net: Mlp64, j: number, s: number): Mlp64 {
  return { ...net, weights: net.weights.map((w, l) => (l === j ? w.map((v) => v * s) : w)) };
}

interface Backprop {
  readonly loss: number;
  readonly gradient: Float64Array;
  /** δ-part of the gradient when a tangent was given (= H·tangent), else zeros. */
  readonly tangentGradient: Float64Array;
}

/** Value and δ-part arrays of a dual vector. */
interface Dual {
  readonly v: Float64Array;
  readonly d: Float64Array;
}

function backprop(net: Mlp64, data: Data64, tangent: Float64Array | undefined): Backprop {
  const { widths, weights, biases, slope, activateInput } = net;
  const layerCount = widths.length - 1;
  const batch = data.labels.length;
  // Split the tangent into per-layer weight and bias parts (same order as the gradient).
  const offsets = parameterOffsets(net);
  const tw = weights.map((w, l) => (tangent ? tangent.subarray(offsets.weights[l]!, offsets.weights[l]! + w.length) : new Float64Array(w.length)));
  const tb = biases.map((b, l) => (b === undefined ? undefined : tangent ? tangent.subarray(offsets.biases[l]!, offsets.biases[l]! + b.length) : new Float64Array(b.length)));
  const phi = (v: number): number => (v > 0 ? 1 : slope);
  // Forward: keep every Linear's input (after φ) and output, as duals.
  const inputs: Dual[] = [];
  const preActivations: Dual[] = [];
  let h: Dual = { v: Float64Array.from(data.x), d: new Float64Array(data.x.length) };
  for (let l = 0; l < layerCount; l++) {
    const fanIn = widths[l]!;
    const fanOut = widths[l + 1]!;
    const a: Dual = l > 0 || activateInput ? { v: h.v.map((z) => phi(z) * z), d: h.d.map((z, i) => phi(h.v[i]!) * z) } : h;
    inputs.push(a);
    const z: Dual = { v: new Float64Array(batch * fanOut), d: new Float64Array(batch * fanOut) };
    const w = weights[l]!;
    const b = biases[l];
    for (let n = 0; n < batch; n++) {
      for (let i = 0; i < fanOut; i++) {
        let v = b === undefined ? 0 : b[i]!;
        let d = b === undefined ? 0 : tb[l]![i]!;
        for (let k = 0; k < fanIn; k++) {
          v += w[i * fanIn + k]! * a.v[n * fanIn + k]!;
          d += tw[l]![i * fanIn + k]! * a.v[n * fanIn + k]! + w[i * fanIn + k]! * a.d[n * fanIn + k]!;
        }
        z.v[n * fanOut + i] = v;
        z.d[n * fanOut + i] = d;
      }
    }
    preActivations.push(z);
    h = z;
  }
  // Loss and its gradient with respect to the logits: (softmax − onehot)/batch, as duals.
  const classes = widths[layerCount]!;
  let loss = 0;
  let dz: Dual = { v: new Float64Array(batch * classes), d: new Float64Array(batch * classes) };
  for (let n = 0; n < batch; n++) {
    const row = h.v.subarray(n * classes, (n + 1) * classes);
    const rowD = h.d.subarray(n * classes, (n + 1) * classes);
    const m = Math.max(...row);
    const e = row.map((v) => Math.exp(v - m));
    const total = e.reduce((s, v) => s + v, 0);
    const p = e.map((v) => v / total);
    const label = data.labels[n]!;
    loss += m + Math.log(total) - row[label]!;
    let meanD = 0;
    for (let c = 0; c < classes; c++) meanD += p[c]! * rowD[c]!;
    for (let c = 0; c < classes; c++) {
      dz.v[n * classes + c] = (p[c]! - (c === label ? 1 : 0)) / batch;
      dz.d[n * classes + c] = (p[c]! * (rowD[c]! - meanD)) / batch;
    }
  }
  loss /= batch;
  // Backward.
  const gradW = weights.map((w) => ({ v: new Float64Array(w.length), d: new Float64Array(w.length) }));
  const gradB = biases.map((b) => (b === undefined ? undefined : { v: new Float64Array(b.length), d: new Float64Array(b.length) }));
  for (let l = layerCount - 1; l >= 0; l--) {
    const fanIn = widths[l]!;
    const fanOut = widths[l + 1]!;
    const a = inputs[l]!;
    const w = weights[l]!;
    const da: Dual = { v: new Float64Array(batch * fanIn), d: new Float64Array(batch * fanIn) };
    for (let n = 0; n < batch; n++) {
      for (let i = 0; i < fanOut; i++) {
        const gv = dz.v[n * fanOut + i]!;
        const gd = dz.d[n * fanOut + i]!;
        const gb = gradB[l];
        if (gb !== undefined) {
          gb.v[i] += gv;
          gb.d[i] += gd;
        }
        for (let k = 0; k < fanIn; k++) {
          gradW[l]!.v[i * fanIn + k] += gv * a.v[n * fanIn + k]!;
          gradW[l]!.d[i * fanIn + k] += gd * a.v[n * fanIn + k]! + gv * a.d[n * fanIn + k]!;
          da.v[n * fanIn + k] += w[i * fanIn + k]! * gv;
          da.d[n * fanIn + k] += tw[l]![i * fanIn + k]! * gv + w[i * fanIn + k]! * gd;
        }
      }
    }
    if (l > 0) {
      const z = preActivations[l - 1]!;
      dz = { v: da.v.map((v, i) => v * phi(z.v[i]!)), d: da.d.map((d, i) => d * phi(z.v[i]!)) };
    }
  }
  const gradient = new Float64Array(offsets.total);
  const tangentGradient = new Float64Array(offsets.total);
  gradW.forEach((g, l) => {
    gradient.set(g.v, offsets.weights[l]!);
    tangentGradient.set(g.d, offsets.weights[l]!);
  });
  gradB.forEach((g, l) => {
    if (g === undefined) return;
    gradient.set(g.v, offsets.biases[l]!);
    tangentGradient.set(g.d, offsets.biases[l]!);
  });
  return { loss, gradient, tangentGradient };
}

function parameterOffsets(net: Mlp64): { weights: number[]; biases: (number | undefined)[]; total: number } {
  let offset = 0;
  const weights = net.weights.map((w) => {
    const o = offset;
    offset += w.length;
    return o;
  });
  const biases = net.biases.map((b) => {
    if (b === undefined) return undefined;
    const o = offset;
    offset += b.length;
    return o;
  });
  return { weights, biases, total: offset };
}
