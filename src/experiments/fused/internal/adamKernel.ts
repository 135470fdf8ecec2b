import { lazyModule } from '../../../wasm/lazyModule.ts';
import { memoryModule } from '../../../wasm/memoryModule.ts';
import { wasmInstructions } from '../../../wasm/wasmInstructions.ts';
/**
 * PyTorch's Adam update as a WebAssembly SIMD kernel (f32x4, four parameters per instruction) on
 * flat float32 arrays living in a WebAssembly.Memory the caller owns:
 *   m ← β1·m + c1·g,  v ← β2·v + (c2·g)·g,  p ← p − (s·m) / (√v / b + ε)
 * with c1 = 1 − β1, c2 = 1 − β2, s = lr/(1 − β1ᵗ), b = √(1 − β2ᵗ) — `createAdam`'s JavaScript
 * update in the same order, every operation rounded to float32 (as PyTorch's own float32 ops are;
 * the JavaScript loop evaluates each element in float64 and rounds only what it stores). No FMA.
 */
export type AdamKernel = (pPtr: number, gPtr: number, mPtr: number, vPtr: number, blocks: number, beta1: number, c1: number, beta2: number, c2: number, stepSize: number, bc2Sqrt: number, eps: number) => void;

const { get, set, tee, simd, load: loadAt, store: storeAt, type } = wasmInstructions;
const load = loadAt();
const store = storeAt();
const [splat, sqrt, add, sub, mul, div] = [simd(0x13), simd(0xe3), simd(0xe4), simd(0xe5), simd(0xe6), simd(0xe7)];

/** The module: imports env.memory, exports adam(p, g, m, v, blocks, β1, c1, β2, c2, s, b, ε). */
function assemble(): Uint8Array<ArrayBuffer> {
  // params: 0 p, 1 g, 2 m, 3 v, 4 blocks (i32); 5..11 the f32 scalars. locals: 12..18 their splats, 19 G, 20 M, 21 V.
  const [P, G0, M0, V0, BLOCKS] = [0, 1, 2, 3, 4];
  const splatOf = (k: number) => 12 + k;
  const [B1, C1, B2, C2, S, BC, EPS] = [0, 1, 2, 3, 4, 5, 6].map(splatOf);
  const [G, M, V] = [19, 20, 21];
  const b: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((p) => b.push(...p));
  for (let k = 0; k < 7; k++) emit(get(5 + k), splat, set(splatOf(k)));
  emit([0x02, 0x40], [0x03, 0x40]);
  emit(get(BLOCKS), [0x45], [0x0d, 1]);
  emit(get(G0), load, set(G));
  emit(get(M0), get(M0), load, get(B1), mul, get(C1), get(G), mul, add, tee(M), store);
  emit(get(V0), get(V0), load, get(B2), mul, get(C2), get(G), mul, get(G), mul, add, tee(V), store);
  emit(get(P), get(P), load, get(S), get(M), mul, get(V), sqrt, get(BC), div, get(EPS), add, div, sub, store);
  for (const ptr of [P, G0, M0, V0]) emit(get(ptr), [0x41, 16], [0x6a], set(ptr));
  emit(get(BLOCKS), [0x41, 1], [0x6b], set(BLOCKS), [0x0c, 0], [0x0b], [0x0b]);
  const { i32, f32, v128 } = type;
  return memoryModule([{ name: 'adam', params: [i32, i32, i32, i32, i32, f32, f32, f32, f32, f32, f32, f32], locals: [[7, v128], [3, v128]], code: b }]);
}

const adamModule = lazyModule(assemble);

/**
 * The kernel bound to `memory`, or null where WebAssembly SIMD is unavailable (the caller then
 * runs the JavaScript update). Pointers are byte offsets, 16-byte aligned; `blocks` counts groups
 * of 4 parameters.
 *
 * @example const k = adamKernel(memory); k?.(pPtr, gPtr, mPtr, vPtr, P / 4, 0.9, 0.1, 0.999, 0.001, lr / (1 - 0.9 ** t), Math.sqrt(1 - 0.999 ** t), 1e-8)
 */
export function adamKernel(memory: WebAssembly.Memory): AdamKernel | null {
  const module = adamModule();
  if (module === null) return null;
  return new WebAssembly.Instance(module, { env: { memory } }).exports.adam as AdamKernel;
}
