import * as tf from '@tensorflow/tfjs-core';
import type { GradientQuotientGraphInputs } from './gradientQuotientGraph.ts';
import type { ScaleDerivatives } from './scaleDerivatives.ts';

/**
 * The gradient quotient of `gradientQuotientGraph` and its derivatives along each weight matrix's
 * scale, from EXPLICIT formulas — no automatic differentiation at all. `gradientQuotientGraph`
 * with `gradientQuotientAndScaleDerivatives` nest tf.grads three deep: ≈ 40,000 kernel calls per
 * MetaInit step at width 10, depth 100 (CIFAR-10 shapes, batch 32); this takes ≈ 5,000 (about 50
 * per layer) and no gradient tape. Those two stay as the independent reference of the tests.
 *
 * Network and convention (as forward.ts and the reference): z_l = h_{l−1} W_lᵀ + b_l (l = 1…L),
 * h_l = φ_a(z_l) for l < L, h_0 = x (φ_a(x) with `activateInput`), batch B, p = softmax(z_L),
 * one-hot Y, loss = mean cross-entropy. The masks D_l = φ_a'(z_l) (1 where z_l > 0, else a:
 * φ'(0) = a, PyTorch's and reference64's convention) are constants: φ_a is piecewise linear, so
 * every formula is exact almost everywhere, and the nested version's step/Relu derivatives are 0.
 *
 * Forward (the values):
 * - gradient by backprop: δ_L = (p − Y)/B, δ_l = (δ_{l+1} W_{l+1}) ⊙ D_l, g_{W_l} = δ_lᵀ h_{l−1},
 *   g_{b_l} = Σ_batch δ_l;
 * - Hg = ∇(½‖g‖²) = H·g by the R-operator along V = g (forward-over-reverse, as reference64's dual
 *   numbers): R{h_0} = 0, R{z_l} = R{h_{l−1}} W_lᵀ + h_{l−1} V_{W_l}ᵀ + V_{b_l},
 *   R{h_l} = R{z_l} ⊙ D_l, R{δ_L} = (p ⊙ R{z_L} − p ⊙ rowsum(p ⊙ R{z_L}))/B,
 *   R{δ_l} = (R{δ_{l+1}} W_{l+1} + δ_{l+1} V_{W_{l+1}}) ⊙ D_l,
 *   (Hg)_{W_l} = R{δ_l}ᵀ h_{l−1} + δ_lᵀ R{h_{l−1}}, (Hg)_{b_l} = Σ_batch R{δ_l};
 * - GQ = (1/N) Σ_i |t_i|, t_i = (g_i − (Hg)_i)/(g_i + ε s_i) − 1 over all N weights and biases,
 *   s_i = 1 − 2·step(−g_i) (+1 at g_i = 0), as `gradientQuotientGraph` computes it in float32.
 *
 * Reverse (hand-written adjoint of the above, s held constant, d|t|/dt = sign(t), 0 at 0 as
 * PyTorch): ∂GQ/∂g_i = sign(t_i)((Hg)_i + ε s_i)/(N (g_i + ε s_i)²), ∂GQ/∂(Hg)_i =
 * −sign(t_i)/(N (g_i + ε s_i)), then back through every product above (V = g included: the
 * reference differentiates through the direction too). Only ⟨W_j, ∂GQ/∂W_j⟩ is needed, and each
 * contribution Xᵀ Y to ∂GQ/∂W_j enters as ⟨W_j, Xᵀ Y⟩ = Σ (X W_j) ⊙ Y, with X W_j (or Y W_jᵀ)
 * already computed forward, so no [fanOut, fanIn] adjoint matrix is formed.
 */

/** What {@link explicitGradientQuotient} computes forward, kept for the reverse pass. */
interface Forward {
  readonly gq: tf.Scalar;
  /** Flat g and Hg: weights W_1 (transposed, see forwardPass), W_2, …, W_L, then the biases present. */
  readonly g: tf.Tensor1D;
  readonly hg: tf.Tensor1D;
  readonly quotientMinusOne: tf.Tensor1D;
  readonly denominator: tf.Tensor1D;
  readonly signs: tf.Tensor1D;
  /** Per layer l (0-based): input h, h·Wᵀ, mask after the layer (l < L−1), δ, δ·W (l ≥ 1), g_W, R{h} (l ≥ 1), R{h}·Wᵀ (l ≥ 1), R{δ}, R{δ}·W (l ≥ 1). */
  readonly h: tf.Tensor[];
  readonly h0T: tf.Tensor;
  readonly hW: tf.Tensor[];
  readonly masks: tf.Tensor[];
  readonly delta: tf.Tensor[];
  readonly deltaW: (tf.Tensor | undefined)[];
  readonly gW: tf.Tensor[];
  readonly rh: (tf.Tensor | undefined)[];
  readonly rhW: (tf.Tensor | undefined)[];
  readonly rdelta: tf.Tensor[];
  readonly rdeltaW: (tf.Tensor | undefined)[];
  readonly p: tf.Tensor;
  readonly rzLast: tf.Tensor;
  readonly prRowSum: tf.Tensor;
}

/**
 * The gradient quotient GQ of the mean cross-entropy over all weights and biases, from the explicit
 * formulas of this file (the forward part only). Call inside `tf.tidy`.
 *
 * @example tf.tidy(() => explicitGradientQuotient({ weights: [tf.tensor2d([[1, 0], [0, 1]])],
 *   biases: [undefined], slope: 0, activateInput: false, x: tf.tensor2d([[1, 0]]),
 *   oneHot: tf.tensor2d([[1, 0]]), eps: 1e-5 }).dataSync()[0])
 * // ≈ 0.6966 = (2·|(g − Hg)/(g + ε) − 1| + 2)/4 with g = 1 − p, Hg = 2p(1 − p)·g, p = σ(1)
 */
export function explicitGradientQuotient(inputs: GradientQuotientGraphInputs): tf.Scalar {
  return forwardPass(inputs, productsWithTransposes()).gq;
}

/**
 * GQ and, for each weight matrix W_j, ⟨W_j, ∂GQ/∂W_j⟩ = dGQ/ds at s = 1 for W_j → s·W_j: the
 * output of `gradientQuotientAndScaleDerivatives` (nested automatic differentiation), from the
 * explicit formulas and their hand-written adjoint (see the file comment). Float32 on the current
 * backend; reads back twice (∂GQ/∂g and ∂GQ/∂Hg, to split them into the layers' shapes — on wasm
 * `tf.split` copies its whole input once per piece — then GQ and the L derivatives). Frees every
 * tensor it makes.
 *
 * @example explicitGradientQuotientAndScaleDerivatives({ weights: [tf.tensor2d([[1, 0], [0, 1]])], biases: [undefined],
 *   slope: 0, activateInput: false, x: tf.tensor2d([[1, 0]]), oneHot: tf.tensor2d([[1, 0]]), eps: 1e-5 })
 * // { gradientQuotient: ≈ 0.6966, scaleDerivatives: [≈ −0.0909] } (GQ(s) = p(1−p) + 1/2, p = σ(s): dGQ/ds = p(1−p)(1−2p))
 */
export function explicitGradientQuotientAndScaleDerivatives(inputs: GradientQuotientGraphInputs): ScaleDerivatives {
  const { values, sizes } = tf.tidy(() => {
    const mm = productsWithTransposes();
    const f = forwardPass(inputs, mm);
    const { products, sizes } = reversePass(inputs, f, mm);
    // GQ and the column sums of every ⟨W_j, ∂GQ/∂W_j⟩ read back in one transfer, added up in float64.
    return { values: tf.concat([tf.reshape(f.gq, [1]), products]).dataSync() as Float32Array, sizes };
  });
  let offset = 1;
  const scaleDerivatives = sizes.map((size) => {
    let total = 0;
    for (let i = offset; i < offset + size; i++) total += values[i]!;
    offset += size;
    return total;
  });
  return { gradientQuotient: values[0]!, scaleDerivatives };
}

function forwardPass(inputs: GradientQuotientGraphInputs, mm: Product): Forward {
  const { weights, biases, slope, activateInput, x, oneHot, eps } = inputs;
  const layerCount = weights.length;
  if (layerCount === 0 || biases.length !== layerCount) throw new Error('explicitGradientQuotient: one bias entry (or undefined) per weight matrix expected');
  const batch = x.shape[0]!;
  const last = layerCount - 1;
  // Network: h[l] is the input of Linear l (0-based), masks[l] = φ'(z_l) after it.
  const h: tf.Tensor[] = [activateInput ? activate(x, slope) : x];
  const hW: tf.Tensor[] = [];
  const masks: tf.Tensor[] = [];
  let z: tf.Tensor = x;
  for (let l = 0; l < layerCount; l++) {
    // As forward.ts: h·Wᵀ (transposeB), then + b.
    hW.push(mm(h[l]!, weights[l]!, false, true));
    z = biases[l] === undefined ? hW[l]! : tf.add(hW[l]!, biases[l]!);
    if (l < last) {
      masks.push(tf.step(z, slope));
      h.push(tf.mul(z, masks[l]!));
    }
  }
  const p = tf.softmax(z);
  // Backprop: δ and g.
  const delta: tf.Tensor[] = new Array<tf.Tensor>(layerCount);
  const deltaW: (tf.Tensor | undefined)[] = new Array<tf.Tensor | undefined>(layerCount).fill(undefined);
  delta[last] = tf.div(tf.sub(p, oneHot), batch);
  for (let l = last; l > 0; l--) {
    deltaW[l] = mm(delta[l]!, weights[l]!);
    delta[l - 1] = tf.mul(deltaW[l]!, masks[l - 1]!);
  }
  // Layer 1 (index 0) keeps g_W, Hg_W and their adjoints TRANSPOSED ([fanIn, fanOut]): its input
  // h_0 is a constant, so h_0ᵀ is formed once and every product with h_0 runs without transpose
  // flags (tfjs-wasm's flagged products are slow, and XNNPACK would repack h_0 [batch, 3072] for
  // each). GQ is a sum over entries, so the layout of the flat vector does not matter.
  const h0T = tf.transpose(h[0]!);
  const gW = delta.map((d, l) => (l === 0 ? mm(h0T, d) : mm(d, h[l]!, true, false)));
  const gb = delta.map((d, l) => (biases[l] === undefined ? undefined : tf.sum(d, 0)));
  // R-operator forward along V = g.
  const rh: (tf.Tensor | undefined)[] = [undefined];
  const rhW: (tf.Tensor | undefined)[] = [undefined];
  let rz: tf.Tensor = x;
  for (let l = 0; l < layerCount; l++) {
    const direction = l === 0 ? mm(h[0]!, gW[0]!) : mm(h[l]!, gW[l]!, false, true);
    if (l > 0) rhW.push(mm(rh[l]!, weights[l]!, false, true));
    rz = l > 0 ? tf.add(rhW[l]!, direction) : direction;
    if (gb[l] !== undefined) rz = tf.add(rz, gb[l]!);
    if (l < last) rh.push(tf.mul(rz, masks[l]!));
  }
  const pr = tf.mul(p, rz);
  const prRowSum = tf.sum(pr, 1, true);
  const rdelta: tf.Tensor[] = new Array<tf.Tensor>(layerCount);
  const rdeltaW: (tf.Tensor | undefined)[] = new Array<tf.Tensor | undefined>(layerCount).fill(undefined);
  rdelta[last] = tf.div(tf.sub(pr, tf.mul(p, prRowSum)), batch);
  for (let l = last; l > 0; l--) {
    rdeltaW[l] = mm(rdelta[l]!, weights[l]!);
    rdelta[l - 1] = tf.mul(tf.add(rdeltaW[l]!, mm(delta[l]!, gW[l]!)), masks[l - 1]!);
  }
  const hgW = rdelta.map((rd, l) => {
    if (l === 0) return mm(h0T, rd);
    return tf.add(mm(rd, h[l]!, true, false), mm(delta[l]!, rh[l]!, true, false));
  });
  // GQ over every parameter, as one flat vector (order: weights, then the biases present). The
  // (Hg)_b of all layers are the column sums of the R{δ}_l side by side: one Concat and one Sum.
  const withBias = rdelta.filter((_, l) => biases[l] !== undefined);
  const hgb = withBias.length === 0 ? [] : [tf.sum(withBias.length === 1 ? withBias[0]! : tf.concat(withBias, 1), 0)];
  const g = flatten([...gW, ...present(gb)]);
  const hg = flatten([...hgW, ...hgb]);
  const signs = tf.sub(1, tf.mul(2, tf.step(tf.neg(g)))) as tf.Tensor1D;
  const denominator = tf.add(g, tf.mul(eps, signs)) as tf.Tensor1D;
  const quotientMinusOne = tf.sub(tf.div(tf.sub(g, hg), denominator), 1) as tf.Tensor1D;
  const gq = tf.div(tf.sum(tf.abs(quotientMinusOne)), g.size) as tf.Scalar;
  return { gq, g, hg, quotientMinusOne, denominator, signs, h, h0T, hW, masks, delta, deltaW, gW, rh, rhW, rdelta, rdeltaW, p, rzLast: rz, prRowSum };
}

/**
 * The adjoint. ⟨W_l, ∂GQ/∂W_l⟩ is the sum of `sizes[l]` consecutive entries of `products` (layer
 * by layer): the column sums over the batch of the products X ⊙ Y described at `scalePairs`.
 */
function reversePass(inputs: GradientQuotientGraphInputs, f: Forward, mm: Product): { products: tf.Tensor1D; sizes: number[] } {
  const { weights, biases, eps } = inputs;
  const layerCount = weights.length;
  const last = layerCount - 1;
  const batch = inputs.x.shape[0]!;
  const { h, h0T, hW, masks, delta, deltaW, gW, rh, rhW, rdelta, rdeltaW, p } = f;
  // ∂GQ/∂g and ∂GQ/∂Hg, flat, then split into the parameters' shapes through one read-back.
  const weight = tf.div(tf.sign(f.quotientMinusOne), tf.mul(f.g.size, f.denominator));
  const gBarFlat = tf.div(tf.mul(weight, tf.add(f.hg, tf.mul(eps, f.signs))), f.denominator);
  const hgBarFlat = tf.neg(weight);
  const bars = tf.concat([gBarFlat, hgBarFlat]).dataSync() as Float32Array;
  let offset = 0;
  const take = (shape: number[]): tf.Tensor => {
    const size = shape[0]! * (shape[1] ?? 1);
    const t = tf.tensor(bars.subarray(offset, offset + size), shape, 'float32');
    offset += size;
    return t;
  };
  // Layer 1's in its transposed layout (see forwardPass).
  const shapeOf = (w: tf.Tensor, l: number): number[] => (l === 0 ? [w.shape[1]!, w.shape[0]!] : w.shape);
  const gWBar: tf.Tensor[][] = weights.map((w, l) => [take(shapeOf(w, l))]);
  const gbBar: tf.Tensor[][] = biases.map((b) => (b === undefined ? [] : [take(b.shape)]));
  const hgWBar = weights.map((w, l) => take(shapeOf(w, l)));
  const hgbBar = biases.map((b) => (b === undefined ? undefined : take(b.shape)));

  // Adjoint accumulators: lists of terms of equal shape ([batch, n]) and of bias-like broadcast terms ([n]).
  const terms = (): { full: tf.Tensor[]; rows: tf.Tensor[] }[] => weights.map(() => ({ full: [], rows: [] }));
  const deltaBar = terms();
  const rdeltaBar = terms();
  const hBar: tf.Tensor[][] = weights.map(() => []); // of h[l], l ≥ 1
  const rhBar: tf.Tensor[][] = weights.map(() => []); // of rh[l], l ≥ 1
  /**
   * Pairs (X, Y) of [batch, n] tensors, layer by layer, whose Σ X ⊙ Y add up to ⟨W_l, ∂GQ/∂W_l⟩
   * (each ⟨W_l, Aᵀ C⟩ = Σ (A W_l) ⊙ C, with A W_l from the forward pass).
   */
  const scalePairs: [tf.Tensor, tf.Tensor][][] = weights.map(() => []);

  // (Hg)_W = R{δ}ᵀ h + δᵀ R{h}, (Hg)_b = Σ R{δ}.
  for (let l = 0; l < layerCount; l++) {
    rdeltaBar[l]!.full.push(l === 0 ? mm(h[0]!, hgWBar[0]!) : mm(h[l]!, hgWBar[l]!, false, true));
    if (hgbBar[l] !== undefined) rdeltaBar[l]!.rows.push(hgbBar[l]!);
    if (l > 0) {
      hBar[l]!.push(mm(rdelta[l]!, hgWBar[l]!));
      deltaBar[l]!.full.push(mm(rh[l]!, hgWBar[l]!, false, true));
      rhBar[l]!.push(mm(delta[l]!, hgWBar[l]!));
    }
  }
  // R{δ}_{l−1} = (R{δ}_l W_l + δ_l V_l) ⊙ D_{l−1}, in the order the adjoints complete (l = 1 … L−1).
  for (let l = 1; l < layerCount; l++) {
    const a = tf.mul(total(rdeltaBar[l - 1]!), masks[l - 1]!);
    rdeltaBar[l]!.full.push(mm(a, weights[l]!, false, true));
    deltaBar[l]!.full.push(mm(a, gW[l]!, false, true));
    gWBar[l]!.push(mm(delta[l]!, a, true, false));
    scalePairs[l]!.push([rdeltaW[l]!, a]);
  }
  // R{δ}_L = (q − p ⊙ rowsum(q))/B with q = p ⊙ R{z}_L.
  const rdeltaLastBar = tf.div(total(rdeltaBar[last]!), batch);
  const qBar = tf.sub(rdeltaLastBar, tf.sum(tf.mul(rdeltaLastBar, p), 1, true));
  const pBar: tf.Tensor[] = [tf.mul(qBar, f.rzLast), tf.mul(rdeltaLastBar, tf.neg(f.prRowSum))];
  // R{z}_l = R{h}_{l−1} W_lᵀ + h_{l−1} V_lᵀ + V_b, R{h}_l = R{z}_l ⊙ D_l, for l = L … 1.
  let rzBar = tf.mul(qBar, p);
  for (let l = last; l >= 0; l--) {
    gWBar[l]!.push(l === 0 ? mm(h0T, rzBar) : mm(rzBar, h[l]!, true, false));
    if (biases[l] !== undefined) gbBar[l]!.push(tf.sum(rzBar, 0));
    if (l > 0) {
      hBar[l]!.push(mm(rzBar, gW[l]!));
      scalePairs[l]!.push([rzBar, rhW[l]!]);
      rhBar[l]!.push(mm(rzBar, weights[l]!));
      rzBar = tf.mul(sum(rhBar[l]!), masks[l - 1]!);
    }
  }
  // g_W = δᵀ h, g_b = Σ δ.
  for (let l = 0; l < layerCount; l++) {
    const gwb = sum(gWBar[l]!);
    deltaBar[l]!.full.push(l === 0 ? mm(h[0]!, gwb) : mm(h[l]!, gwb, false, true));
    if (l > 0) hBar[l]!.push(mm(delta[l]!, gwb));
    if (gbBar[l]!.length > 0) deltaBar[l]!.rows.push(sum(gbBar[l]!));
  }
  // δ_{l−1} = (δ_l W_l) ⊙ D_{l−1}, l = 1 … L−1, then δ_L = (p − Y)/B.
  for (let l = 1; l < layerCount; l++) {
    const a = tf.mul(total(deltaBar[l - 1]!), masks[l - 1]!);
    deltaBar[l]!.full.push(mm(a, weights[l]!, false, true));
    scalePairs[l]!.push([deltaW[l]!, a]);
  }
  pBar.push(tf.div(total(deltaBar[last]!), batch));
  // p = softmax(z_L): z̄ = p ⊙ (p̄ − rowsum(p̄ ⊙ p)); then z_l = h_{l−1} W_lᵀ + b_l, h_l = z_l ⊙ D_l, l = L … 1.
  const pb = sum(pBar);
  let zBar = tf.mul(p, tf.sub(pb, tf.sum(tf.mul(pb, p), 1, true)));
  for (let l = last; l >= 0; l--) {
    scalePairs[l]!.push([zBar, hW[l]!]);
    if (l > 0) {
      hBar[l]!.push(mm(zBar, weights[l]!));
      zBar = tf.mul(sum(hBar[l]!), masks[l - 1]!);
    }
  }
  // Column sums of every X ⊙ Y at once (two Concats, one Multiply, one Sum: measured faster than
  // a Multiply and a Sum per layer, and than reading back the products unsummed); the caller adds
  // up each layer's columns.
  const pairs = scalePairs.flat();
  const products = tf.sum(tf.mul(tf.concat(pairs.map(([a]) => a), 1), tf.concat(pairs.map(([, b]) => b), 1)), 0) as tf.Tensor1D;
  return { products, sizes: scalePairs.map((ps) => ps.reduce((n, [a]) => n + a.shape[1]!, 0)) };
}

/** φ_a as in forward.ts. */
function activate(h: tf.Tensor, slope: number): tf.Tensor {
  return slope === 0 ? tf.relu(h) : tf.leakyRelu(h, slope);
}

function present<T>(ts: readonly (T | undefined)[]): T[] {
  return ts.filter((t): t is T => t !== undefined);
}

/** Every tensor flattened and concatenated, in order. */
function flatten(ts: readonly tf.Tensor[]): tf.Tensor1D {
  return tf.concat(ts.map((t) => (t.rank === 1 ? t : tf.reshape(t, [-1]))), 0) as tf.Tensor1D;
}

/** Sum of equal-shaped tensors (one AddN). */
function sum(ts: readonly tf.Tensor[]): tf.Tensor {
  return ts.length === 1 ? ts[0]! : tf.addN(ts as tf.Tensor[]);
}

/** A full [batch, n] adjoint term list plus broadcast [n] terms. */
function total(acc: { readonly full: tf.Tensor[]; readonly rows: tf.Tensor[] }): tf.Tensor {
  const full = sum(acc.full);
  return acc.rows.length === 0 ? full : tf.add(full, sum(acc.rows));
}

/**
 * m·k·n below which a product keeps tfjs's transpose flags (as forward.ts's wasm routing): on
 * wasm a flagged product runs a naive loop, faster for tiny products (width-10 layers) and
 * 3–8× slower for large ones, which therefore get explicit transposes and a plain product.
 */
const FLAGGED_PRODUCT_MAX_WORK = 32768;

/**
 * op(a)·op(b). Large flagged products use explicit transposes, each formed once per call of this
 * file's functions (W_l, g_{W_l}, … are transposed for several products): forward.ts installs the
 * same routing inside the wasm kernel, but only once `forward` has run, and without the reuse.
 */
type Product = (a: tf.Tensor, b: tf.Tensor, transposeA?: boolean, transposeB?: boolean) => tf.Tensor;
function productsWithTransposes(): Product {
  const transposes = new Map<tf.Tensor, tf.Tensor>();
  const transposed = (t: tf.Tensor): tf.Tensor => {
    let tt = transposes.get(t);
    if (tt === undefined) {
      tt = tf.transpose(t);
      transposes.set(t, tt);
    }
    return tt;
  };
  return (a, b, transposeA = false, transposeB = false) => {
    if (!transposeA && !transposeB) return tf.matMul(a, b);
    const [m, k] = transposeA ? [a.shape[1]!, a.shape[0]!] : [a.shape[0]!, a.shape[1]!];
    const n = transposeB ? b.shape[0]! : b.shape[1]!;
    if (m * k * n < FLAGGED_PRODUCT_MAX_WORK) return tf.matMul(a, b, transposeA, transposeB);
    return tf.matMul(transposeA ? transposed(a) : a, transposeB ? transposed(b) : b);
  };
}
