import { lazyModule } from '../../../wasm/lazyModule.ts';
import { memoryModule } from '../../../wasm/memoryModule.ts';
import { wasmInstructions } from '../../../wasm/wasmInstructions.ts';
/**
 * The fused engine's per-layer elementwise passes as WebAssembly SIMD kernels (f32x4) on float32
 * rows living in a WebAssembly.Memory the caller owns. Each row holds `blocks` groups of 4 entries
 * (the width must be a multiple of 4: the caller runs its JavaScript loops otherwise). Pointers are
 * byte offsets (any alignment; 16-byte aligned is fastest).
 *
 * - `activate(z, b, rows, blocks, a, hasBias)`: z ← φ_a(z + b) row by row (b: one row, added
 *   when hasBias ≠ 0). a = 0: max(z + b, 0) — NaN stays NaN, −∞ ↦ 0, −0 ↦ +0, as the JavaScript
 *   loop; a ≠ 0: z + b where z + b > 0, else a·(z + b) (a rounded to float32).
 * - `backward(d, h, count4, a)`: d ← d where h > 0, else d·a — the chain rule through φ_a given
 *   its OUTPUT h = φ_a(z). Valid for a ≥ 0 only, where h > 0 ⇔ z > 0 (for a < 0, a·z > 0 when
 *   z < 0, so the output does not tell the side; the caller keeps a mask there).
 * - `columnSums(d, out, rows, blocks)`: out[j] += Σ_r d[r, j] in float64 (out: float64, 2 per
 *   16 bytes), rows in order — the JavaScript loop's sums exactly.
 *
 * Why: at width 200, depth 500 these passes took ≈ 40 ms of a ≈ 200 ms step as scalar JavaScript
 * (branch mispredictions on random signs); as f32x4 they are branch-free.
 */
export interface ElementwiseKernels {
  activate(zPtr: number, bPtr: number, rows: number, blocks: number, a: number, hasBias: number): void;
  backward(dPtr: number, hPtr: number, count4: number, a: number): void;
  columnSums(dPtr: number, outPtr: number, rows: number, blocks: number): void;
}

const { get, set, simd, load, store, i32: i32const, f32: f32const, type } = wasmInstructions;
const [splat, gt, bitselect, fmul, fadd, fmax, dadd, promoteLow] = [simd(0x13), simd(0x44), simd(0x52), simd(0xe6), simd(0xe4), simd(0xe9), simd(0xf0), simd(0x5f)];
/** i8x16.shuffle moving lanes 2, 3 (bytes 8…15) of a f32x4 to lanes 0, 1. */
const highToLow = [...simd(0x0d), 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15];
const { block: BLOCK, loop: LOOP, if: IF, else: ELSE, end: END, i32Eqz: EQZ, i32Add: ADD, i32Sub: SUB, f32Eq, br, brIf } = wasmInstructions;
const f32zero = f32const(0);
/** ptr += by */
const advance = (ptr: number, by: number) => [...get(ptr), ...i32const(by), ...ADD, ...set(ptr)];
/** counter -= 1 */
const decrement = (counter: number) => [...get(counter), ...i32const(1), ...SUB, ...set(counter)];
const { i32: I32, v128: V128 } = type;

/** activate(z, b, rows, blocks, a, hasBias); locals: 6 j, 7 bp, 8 A, 9 ZERO, 10 v. */
function activateBody(): number[] {
  const [Z, B, ROWS, BLOCKS, A_IN, HAS_BIAS, J, BP, A, ZERO, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const c: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((p) => c.push(...p));
  emit(get(A_IN), splat, set(A), f32zero, splat, set(ZERO));
  emit(BLOCK, LOOP, get(ROWS), EQZ, brIf(1));
  emit(get(BLOCKS), set(J), get(B), set(BP));
  emit(BLOCK, LOOP, get(J), EQZ, brIf(1));
  emit(get(Z), load(), set(V));
  emit(get(HAS_BIAS), IF, get(V), get(BP), load(), fadd, set(V), END);
  emit(get(Z));
  // a = 0: max(v, 0); else bitselect(v, a·v, v > 0).
  emit(get(A_IN), f32zero, f32Eq, IF, get(V), get(ZERO), fmax, set(V), ELSE, get(V), get(V), get(A), fmul, get(V), get(ZERO), gt, bitselect, set(V), END);
  emit(get(V), store());
  emit(advance(Z, 16), advance(BP, 16), decrement(J), br(0), END, END);
  emit(decrement(ROWS), br(0), END, END);
  return c;
}

/** backward(d, h, count4, a); locals: 4 A, 5 ZERO, 6 v. */
function backwardBody(): number[] {
  const [D, H, COUNT, A_IN, A, ZERO, V] = [0, 1, 2, 3, 4, 5, 6];
  const c: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((p) => c.push(...p));
  emit(get(A_IN), splat, set(A), f32zero, splat, set(ZERO));
  emit(BLOCK, LOOP, get(COUNT), EQZ, brIf(1));
  emit(get(D), load(), set(V));
  emit(get(D), get(V), get(V), get(A), fmul, get(H), load(), get(ZERO), gt, bitselect, store());
  emit(advance(D, 16), advance(H, 16), decrement(COUNT), br(0), END, END);
  return c;
}

/** columnSums(d, out, rows, blocks); locals: 4 j, 5 o, 6 v. */
function columnSumsBody(): number[] {
  const [D, OUT, ROWS, BLOCKS, J, O, V] = [0, 1, 2, 3, 4, 5, 6];
  const c: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((p) => c.push(...p));
  emit(BLOCK, LOOP, get(ROWS), EQZ, brIf(1));
  emit(get(BLOCKS), set(J), get(OUT), set(O));
  emit(BLOCK, LOOP, get(J), EQZ, brIf(1));
  emit(get(D), load(), set(V));
  emit(get(O), get(O), load(), get(V), promoteLow, dadd, store());
  emit(get(O), get(O), load(16), get(V), get(V), highToLow, promoteLow, dadd, store(16));
  emit(advance(D, 16), advance(O, 32), decrement(J), br(0), END, END);
  emit(decrement(ROWS), br(0), END, END);
  return c;
}

function assemble(): Uint8Array<ArrayBuffer> {
  const F32 = type.f32;
  return memoryModule([
    { name: 'activate', params: [I32, I32, I32, I32, F32, I32], locals: [[2, I32], [3, V128]], code: activateBody() },
    { name: 'backward', params: [I32, I32, I32, F32], locals: [[3, V128]], code: backwardBody() },
    { name: 'columnSums', params: [I32, I32, I32, I32], locals: [[2, I32], [1, V128]], code: columnSumsBody() },
  ]);
}

const elementwiseModule = lazyModule(assemble);

/**
 * The kernels bound to `memory`, or null where WebAssembly SIMD is unavailable (the caller then
 * runs its JavaScript loops).
 *
 * @example const k = elementwiseKernels(memory); k?.activate(z.byteOffset, b.byteOffset, 90, 200 / 4, 0, 1) // ReLU(z + b) on 90 rows of 200
 */
export function elementwiseKernels(memory: WebAssembly.Memory): ElementwiseKernels | null {
  const module = elementwiseModule();
  if (module === null) return null;
  return new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as ElementwiseKernels;
}
