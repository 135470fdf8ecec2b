/**
 * A hand-assembled WebAssembly SIMD kernel for the hidden layers of {@link layerVariances}: the
 * module is generated at run time for one shape signature (the (rows, cols) of every Linear after
 * the first), one unit and one slope, and cached.
 *
 * Layout (all float32, little-endian, in the module's own memory):
 * - input: struct-of-arrays [cols0][nPad] — unit u of image i at `input[u·nPad + i]`, the first
 *   Linear's pre-activation output (nPad a multiple of 4);
 * - weights: every hidden matrix row-major, one after the other;
 * - output: [layers][nPad] — row l holds unit `unit` of Linear l's pre-activation (row 0 is copied
 *   from the input).
 * Four images travel together in the lanes of one v128; each layer computes
 * y_i = Σ_j W_ij φ_a(x_j) as f32x4 mul then add (no FMA, float32 like PyTorch's CPU GEMM, different
 * summation order), with the intermediate vectors in a 2 × 16·maxWidth byte scratch area.
 */
import type { WeightMatrix } from '../../../network/init/types.ts';
import { wasmEncoding } from '../../../wasm/wasmEncoding.ts';
import { wasmInstructions } from '../../../wasm/wasmInstructions.ts';

/** The largest rows·cols of one hidden layer the kernel unrolls; larger ones use the JS kernel. */
export const SIMD_MAX_LAYER_ENTRIES = 4096;

export interface HiddenKernel {
  /** Lays out memory for nPad images (multiple of 4); returns the input and output views (valid until the next call). */
  prepare(nPad: number): { readonly input: Float32Array; readonly output: Float32Array };
  /** Copies the hidden weights in and runs the layers on the prepared input. */
  run(hidden: readonly WeightMatrix[]): void;
}

const enc = wasmEncoding;

const w = wasmInstructions;
const I32 = w.type.i32;
const V128 = w.type.v128;
// The shared instructions (src/wasm/wasmInstructions) under this kernel's names, plus the SIMD
// opcodes only it uses (core specification §5.4.8).
const op = {
  localGet: w.get,
  localSet: w.set,
  i32Const: w.i32,
  i32Add: w.i32Add,
  i32Sub: w.i32Sub,
  i32Eqz: w.i32Eqz,
  block: w.block,
  loop: w.loop,
  br: w.br,
  brIf: w.brIf,
  end: w.end,
  simd: w.simd,
  v128Load: w.load,
  v128Load32Splat: (offset: number) => [...w.simd(0x09), 2, ...enc.u32(offset)],
  v128Store: w.store,
  f32x4Const: (v: number) => {
    const bytes = new Uint8Array(new Float32Array([v, v, v, v]).buffer);
    return [...w.simd(0x0c), ...bytes];
  },
  f32x4Ge: () => w.simd(0x46),
  bitselect: () => w.simd(0x52),
  f32x4Add: () => w.simd(0xe4),
  f32x4Mul: () => w.simd(0xe6),
  f32x4Pmax: () => w.simd(0xeb),
};

interface Group {
  readonly rows: number;
  readonly cols: number;
  readonly count: number;
}

/** Run-length groups of consecutive hidden layers with equal shape. */
function groupsOf(shapes: readonly (readonly [number, number])[]): Group[] {
  const groups: Group[] = [];
  for (const [rows, cols] of shapes) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last.rows === rows && last.cols === cols) groups[groups.length - 1] = { rows, cols, count: last.count + 1 };
    else groups.push({ rows, cols, count: 1 });
  }
  return groups;
}

/** The module's bytes: export "memory" and "run"(wPtr, inPtr, inStride, outPtr, outStride, blocks). */
function assemble(cols0: number, groups: readonly Group[], unit: number, slope: number, maxWidth: number): Uint8Array<ArrayBuffer> {
  const SA = 0;
  const SB = 16 * maxWidth;
  // params 0..5; i32 locals 6..12; acc 13; x_j 14..
  const [wPtr, inPtr, inStride, outPtr, outStride, blocks] = [0, 1, 2, 3, 4, 5];
  const [w, o, cnt, sa, sb, t, ip] = [6, 7, 8, 9, 10, 11, 12];
  const acc = 13;
  const x = (j: number) => 14 + j;
  const maxCols = Math.max(1, ...groups.map((g) => g.cols));
  const b: number[] = [];
  const add = (...parts: (number[] | number)[]) => {
    for (const p of parts) if (typeof p === 'number') b.push(p);
    else for (const v of p) b.push(v);
  };
  const phi = () => {
    // stack: x → φ_a(x)
    if (slope === 0) {
      // pmax(0, x) = 0 < x ? x : 0
      add(op.localSet(acc), op.f32x4Const(0), op.localGet(acc), op.f32x4Pmax());
    } else {
      add(op.localSet(acc), op.localGet(acc), op.localGet(acc), op.f32x4Const(slope), op.f32x4Mul());
      add(op.localGet(acc), op.f32x4Const(0), op.f32x4Ge(), op.bitselect());
    }
  };
  add(op.block, op.loop);
  add(op.localGet(blocks), op.i32Eqz, op.brIf(1));
  // prologue: gather this block's 4 images of every input unit into scratch A
  add(op.localGet(inPtr), op.localSet(ip));
  for (let u = 0; u < cols0; u++) {
    add(op.i32Const(SA), op.localGet(ip), op.v128Load(0), op.v128Store(16 * u));
    if (u + 1 < cols0) add(op.localGet(ip), op.localGet(inStride), op.i32Add, op.localSet(ip));
  }
  add(op.localGet(outPtr), op.i32Const(SA), op.v128Load(16 * unit), op.v128Store(0));
  add(op.localGet(outPtr), op.localGet(outStride), op.i32Add, op.localSet(o));
  add(op.localGet(wPtr), op.localSet(w), op.i32Const(SA), op.localSet(sa), op.i32Const(SB), op.localSet(sb));
  for (const g of groups) {
    add(op.i32Const(g.count), op.localSet(cnt), op.loop);
    for (let j = 0; j < g.cols; j++) {
      add(op.localGet(sa), op.v128Load(16 * j));
      phi();
      add(op.localSet(x(j)));
    }
    for (let i = 0; i < g.rows; i++) {
      add(op.localGet(sb));
      for (let j = 0; j < g.cols; j++) {
        add(op.localGet(w), op.v128Load32Splat(4 * (i * g.cols + j)), op.localGet(x(j)), op.f32x4Mul());
        if (j > 0) add(op.f32x4Add());
      }
      if (i === unit) add(op.localSet(acc), op.localGet(acc), op.v128Store(16 * i), op.localGet(o), op.localGet(acc), op.v128Store(0));
      else add(op.v128Store(16 * i));
    }
    add(op.localGet(w), op.i32Const(4 * g.rows * g.cols), op.i32Add, op.localSet(w));
    add(op.localGet(o), op.localGet(outStride), op.i32Add, op.localSet(o));
    add(op.localGet(sa), op.localSet(t), op.localGet(sb), op.localSet(sa), op.localGet(t), op.localSet(sb));
    add(op.localGet(cnt), op.i32Const(1), op.i32Sub, op.localSet(cnt), op.localGet(cnt), op.brIf(0), op.end);
  }
  // next block of 4 images
  add(op.localGet(inPtr), op.i32Const(16), op.i32Add, op.localSet(inPtr));
  add(op.localGet(outPtr), op.i32Const(16), op.i32Add, op.localSet(outPtr));
  add(op.localGet(blocks), op.i32Const(1), op.i32Sub, op.localSet(blocks));
  add(op.br(0), op.end, op.end);

  const locals = enc.vec([
    [...enc.u32(7), I32],
    [...enc.u32(1 + maxCols), V128],
  ]);
  const body = [...locals, ...b, ...op.end];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...enc.section(1, enc.vec([[0x60, ...enc.vec(Array.from({ length: 6 }, () => [I32])), ...enc.vec([])]])),
    ...enc.section(3, enc.vec([[0]])),
    ...enc.section(5, enc.vec([[0x00, ...enc.u32(1)]])),
    ...enc.section(7, enc.vec([
      [...enc.name('memory'), 0x02, 0],
      [...enc.name('run'), 0x00, 0],
    ])),
    ...enc.section(10, enc.vec([[...enc.u32(body.length), ...body]])),
  ];
  return new Uint8Array(bytes);
}

let simdSupport: boolean | undefined;

/** Whether this runtime runs WebAssembly SIMD (Node ≥ 16.4 does). */
export function hasWasmSimd(): boolean {
  if (simdSupport === undefined) {
    try {
      simdSupport = WebAssembly.validate(assemble(1, [{ rows: 1, cols: 1, count: 1 }], 0, 0, 1));
    } catch {
      simdSupport = false;
    }
  }
  return simdSupport;
}

const cache = new Map<string, HiddenKernel>();

/**
 * The SIMD kernel for networks whose first Linear has `cols0` outputs and whose hidden Linears have
 * `shapes` ([rows, cols] each), or undefined when SIMD is unavailable or a layer is too large.
 */
export function simdKernel(cols0: number, shapes: readonly (readonly [number, number])[], unit: number, slope: number): HiddenKernel | undefined {
  if (!hasWasmSimd()) return undefined;
  if (shapes.some(([r, c]) => r * c > SIMD_MAX_LAYER_ENTRIES)) return undefined;
  const key = `${cols0}|${shapes.map(([r, c]) => `${r}x${c}`).join(',')}|${unit}|${slope}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const groups = groupsOf(shapes);
  const maxWidth = Math.max(cols0, ...shapes.map(([r, c]) => Math.max(r, c)));
  const module = new WebAssembly.Module(assemble(cols0, groups, unit, slope, maxWidth));
  const instance = new WebAssembly.Instance(module, {});
  const memory = instance.exports.memory as WebAssembly.Memory;
  const run = instance.exports.run as (wPtr: number, inPtr: number, inStride: number, outPtr: number, outStride: number, blocks: number) => void;
  const weightEntries = shapes.reduce((s, [r, c]) => s + r * c, 0);
  const layers = shapes.length + 1;
  const scratchBytes = 2 * 16 * maxWidth;
  const wPtr = scratchBytes;
  const inPtr = wPtr + 16 * Math.ceil(weightEntries / 4);
  let nPad = 0;
  let outPtr = 0;
  let weightsView = new Float32Array(memory.buffer, wPtr, weightEntries);
  const kernel: HiddenKernel = {
    prepare(n: number) {
      nPad = n;
      outPtr = inPtr + 4 * cols0 * nPad;
      const needed = outPtr + 4 * layers * nPad;
      const pages = Math.ceil(needed / 65536);
      if (pages > memory.buffer.byteLength / 65536) memory.grow(pages - memory.buffer.byteLength / 65536);
      weightsView = new Float32Array(memory.buffer, wPtr, weightEntries);
      return {
        input: new Float32Array(memory.buffer, inPtr, cols0 * nPad),
        output: new Float32Array(memory.buffer, outPtr, layers * nPad),
      };
    },
    run(hidden: readonly WeightMatrix[]) {
      let offset = 0;
      for (const m of hidden) {
        weightsView.set(m.data, offset);
        offset += m.data.length;
      }
      run(wPtr, inPtr, 4 * nPad, outPtr, 4 * nPad, nPad / 4);
    },
  };
  cache.set(key, kernel);
  return kernel;
}
