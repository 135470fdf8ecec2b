import type { RandomGenerator } from '../../distributions/types.ts';
import { lazyModule } from '../../wasm/lazyModule.ts';
import { memoryModule } from '../../wasm/memoryModule.ts';
import { wasmInstructions } from '../../wasm/wasmInstructions.ts';

/**
 * Standard normal draws, eight at a time, as a WebAssembly SIMD kernel (f32x4), with a scalar
 * JavaScript twin that computes the SAME float32 values bit for bit (every operation rounded with
 * Math.fround: float32 +, −, ×, ÷, √ and u32/i32 → f32 conversions are correctly rounded, so
 * rounding the exact double result once gives the same value).
 *
 * The method, per lane (four independent xoshiro128+ streams, Blackman & Vigna 2018):
 *   x₁, x₂ = two 32-bit outputs (s₀ + s₃ each);
 *   u = f32(x₁)·2⁻³² + 2⁻³³ ∈ (0, 1]  (|z| ≤ √(2·33·ln 2) ≈ 6.76: tails beyond cut, probability 1.4e-11);
 *   θ = 2π·f32(int32(x₂))·2⁻³² ∈ [−π, π);
 *   r = scale·√(−2 ln u);  z_cos = r cos θ,  z_sin = r sin θ  (Box–Muller, both branches).
 * ln u: u = m·2ᵉ with m ∈ [√½, √2), ln m = 2 atanh t, t = (m − 1)/(m + 1), |t| ≤ 0.172, by its
 * series to t⁹ (remainder ≤ 2·0.172¹¹/11 ≈ 7e-10); sin and cos after reflecting θ into
 * [−π/2, π/2] (sin(π − θ) = sin θ, cos(π − θ) = −cos θ), by their Taylor series to degree 11 and
 * 12 (remainders ≤ (π/2)¹³/13! ≈ 5.7e-8 and (π/2)¹⁴/14! ≈ 6e-9) — all below float32's rounding
 * of the result. Each block of 8 outputs is [z_cos lanes 0–3, z_sin lanes 0–3].
 *
 * Why: the scalar Box–Muller it replaces (Math.log, Math.cos, Math.sin, two xoroshiro128+ calls per
 * pair) took ≈ 55% of a fast-path Monte Carlo run; this kernel draws 8.4 M values in ≈ 57 ms
 * against its 333 ms (one core, loaded machine), the scalar twin in ≈ 760 ms.
 */
export interface NormalGenerator {
  /** Fills `out` with N(0, scale²) values (float32), continuing this generator's streams. */
  fill(out: Float32Array, scale: number): void;
  /** 'simd' (the kernel) or 'js' (the scalar twin; same values). */
  readonly kind: 'simd' | 'js';
}

const f = Math.fround;
const TWO_POW_M32 = 2 ** -32;
const TWO_POW_M33 = 2 ** -33;
const SQRT2 = f(Math.SQRT2);
const LN2 = f(Math.LN2);
const TWO_PI = f(2 * Math.PI);
const PI = f(Math.PI);
const HALF_PI = f(Math.PI / 2);
/** 2·atanh series: 2, 2/3, 2/5, 2/7, 2/9 (Horner from the top). */
const LOG_C = [2 / 9, 2 / 7, 2 / 5, 2 / 3, 2].map(f);
/** sin: (−1)ᵏ/(2k+1)! for k = 5…1, then 1. */
const SIN_C = [-1 / 39916800, 1 / 362880, -1 / 5040, 1 / 120, -1 / 6, 1].map(f);
/** cos: (−1)ᵏ/(2k)! for k = 6…1, then 1. */
const COS_C = [1 / 479001600, -1 / 3628800, 1 / 40320, -1 / 720, 1 / 24, -1 / 2, 1].map(f);

const f32Bits = new Float32Array(1);
const u32Bits = new Uint32Array(f32Bits.buffer);

/** The scalar twin of the kernel's per-lane formulas (see the interface's TSDoc). */
function boxMuller(x1: number, x2: number, scale: number): [number, number] {
  const u = f(f(f(x1 >>> 0) * TWO_POW_M32) + TWO_POW_M33);
  f32Bits[0] = u;
  const bits = u32Bits[0]!;
  let e = (bits >>> 23) - 127;
  u32Bits[0] = (bits & 0x007fffff) | 0x3f800000;
  let m = f32Bits[0]!;
  if (m > SQRT2) {
    m = f(m * 0.5);
    e += 1;
  }
  const t = f(f(m - 1) / f(m + 1));
  const t2 = f(t * t);
  let p = LOG_C[0]!;
  for (let k = 1; k < LOG_C.length; k++) p = f(f(p * t2) + LOG_C[k]!);
  const ln = f(f(p * t) + f(f(e) * LN2));
  const r = f(f(Math.sqrt(f(-2 * ln))) * f(scale));
  const theta = f(f(f(x2 | 0) * TWO_POW_M32) * TWO_PI);
  let s = theta;
  let reflected = false;
  if (s > HALF_PI) {
    s = f(PI - s);
    reflected = true;
  } else if (s < -HALF_PI) {
    s = f(-PI - s);
    reflected = true;
  }
  const s2 = f(s * s);
  let ps = SIN_C[0]!;
  for (let k = 1; k < SIN_C.length; k++) ps = f(f(ps * s2) + SIN_C[k]!);
  const sin = f(ps * s);
  let pc = COS_C[0]!;
  for (let k = 1; k < COS_C.length; k++) pc = f(f(pc * s2) + COS_C[k]!);
  const cos = reflected ? -pc : pc;
  return [f(r * cos), f(r * sin)];
}

/** Four xoshiro128+ lanes: state[4·word + lane]. */
function seedState(rng: RandomGenerator): Uint32Array {
  const state = new Uint32Array(16);
  for (let i = 0; i < 16; i++) state[i] = rng.next() >>> 0;
  for (let lane = 0; lane < 4; lane++) if ((state[lane]! | state[4 + lane]! | state[8 + lane]! | state[12 + lane]!) === 0) state[lane] = 1;
  return state;
}

/** xoshiro128+ step of one lane: returns s₀ + s₃ and advances the state. */
function xoshiroNext(s: Uint32Array, lane: number): number {
  const s0 = s[lane]!;
  const s1 = s[4 + lane]!;
  let s2 = s[8 + lane]!;
  let s3 = s[12 + lane]!;
  const result = (s0 + s3) >>> 0;
  const t = (s1 << 9) >>> 0;
  s2 = (s2 ^ s0) >>> 0;
  s3 = (s3 ^ s1) >>> 0;
  const n1 = (s1 ^ s2) >>> 0;
  const n0 = (s0 ^ s3) >>> 0;
  s2 = (s2 ^ t) >>> 0;
  s3 = ((s3 << 11) | (s3 >>> 21)) >>> 0;
  s[lane] = n0;
  s[4 + lane] = n1;
  s[8 + lane] = s2;
  s[12 + lane] = s3;
  return result;
}

/** One block of 8 values from the scalar twin. */
function jsBlock(state: Uint32Array, scale: number, out: Float32Array, at: number): void {
  const x1 = [0, 1, 2, 3].map((lane) => xoshiroNext(state, lane));
  const x2 = [0, 1, 2, 3].map((lane) => xoshiroNext(state, lane));
  for (let lane = 0; lane < 4; lane++) {
    const [c, s] = boxMuller(x1[lane]!, x2[lane]!, scale);
    out[at + lane] = c;
    out[at + 4 + lane] = s;
  }
}

// --- the WebAssembly kernel -------------------------------------------------------------------
const { get, set, simd: op, load, store, i32: i32c, f32: f32c, block: BLOCK, loop: LOOP, end: END, br, brIf, i32Eqz, i32Add, i32Sub, type } = wasmInstructions;
const V = {
  and: op(0x4e), or: op(0x50), xor: op(0x51), bitselect: op(0x52),
  i32splat: op(0x11), f32splat: op(0x13),
  shl: op(0xab), shrU: op(0xad), iadd: op(0xae), isub: op(0xb1),
  flt: op(0x43), fgt: op(0x44), fneg: op(0xe1), fsqrt: op(0xe3), fadd: op(0xe4), fsub: op(0xe5), fmul: op(0xe6), fdiv: op(0xe7),
  fromS: op(0xfa), fromU: op(0xfb),
};

/**
 * fill(statePtr, outPtr, blocks, scale): the state (4 × v128: s₀…s₃, lane-major as `seedState`)
 * is loaded, `blocks` blocks of 8 are written from outPtr on, and the state is stored back.
 */
function assemble(): Uint8Array<ArrayBuffer> {
  // params 0 state, 1 out, 2 blocks, 3 scale; v128 locals from 4.
  const [STATE, OUT, BLOCKS, SCALE] = [0, 1, 2, 3];
  let next = 4;
  const local = () => next++;
  const [S0, S1, S2, S3, T, X1, X2, U, M, E, C, TT, P, R, TH, S, REF, SS, PS, PC, SCL] = Array.from({ length: 21 }, local);
  const consts = new Map<string, number>();
  const c: number[] = [];
  const emit = (...parts: number[][]) => parts.forEach((p) => c.push(...p));
  const prologue: number[] = [];
  const fconst = (x: number): number[] => {
    const key = `f${f(x)}`;
    if (!consts.has(key)) {
      const l = local();
      consts.set(key, l);
      prologue.push(...f32c(f(x)), ...V.f32splat, ...set(l));
    }
    return get(consts.get(key)!);
  };
  const iconst = (n: number): number[] => {
    const key = `i${n}`;
    if (!consts.has(key)) {
      const l = local();
      consts.set(key, l);
      prologue.push(...i32c(n), ...V.i32splat, ...set(l));
    }
    return get(consts.get(key)!);
  };
  /** One xoshiro128+ step on all four lanes, its output left in `dst`. */
  const xoshiro = (dst: number) => {
    emit(get(S0), get(S3), V.iadd, set(dst));
    emit(get(S1), i32c(9), V.shl, set(T));
    emit(get(S2), get(S0), V.xor, set(S2));
    emit(get(S3), get(S1), V.xor, set(S3));
    emit(get(S1), get(S2), V.xor, set(S1));
    emit(get(S0), get(S3), V.xor, set(S0));
    emit(get(S2), get(T), V.xor, set(S2));
    emit(get(S3), i32c(11), V.shl, get(S3), i32c(21), V.shrU, V.or, set(S3));
  };
  /** Horner: acc = ((c₀·x + c₁)·x + …) + c_last, x in local `x`; leaves it in `dst`. */
  const horner = (coefficients: number[], x: number, dst: number) => {
    emit(fconst(coefficients[0]!), set(dst));
    for (let k = 1; k < coefficients.length; k++) emit(get(dst), get(x), V.fmul, fconst(coefficients[k]!), V.fadd, set(dst));
  };
  emit(get(SCALE), V.f32splat, set(SCL));
  emit(get(STATE), load(0), set(S0), get(STATE), load(16), set(S1), get(STATE), load(32), set(S2), get(STATE), load(48), set(S3));
  emit(BLOCK, LOOP, get(BLOCKS), i32Eqz, brIf(1));
  xoshiro(X1);
  xoshiro(X2);
  // u = f32(x₁)·2⁻³² + 2⁻³³; e and m from its bits; m > √2 → m/2, e + 1.
  emit(get(X1), V.fromU, fconst(TWO_POW_M32), V.fmul, fconst(TWO_POW_M33), V.fadd, set(U));
  emit(get(U), i32c(23), V.shrU, iconst(127), V.isub, set(E));
  emit(get(U), iconst(0x007fffff), V.and, iconst(0x3f800000), V.or, set(M));
  emit(get(M), fconst(SQRT2), V.fgt, set(C));
  emit(get(M), fconst(0.5), V.fmul, get(M), get(C), V.bitselect, set(M));
  emit(get(E), get(C), V.isub, set(E)); // C is −1 where true
  emit(get(M), fconst(1), V.fsub, get(M), fconst(1), V.fadd, V.fdiv, set(T));
  emit(get(T), get(T), V.fmul, set(TT));
  horner(LOG_C, TT, P);
  // ln = p·t + f32(e)·ln 2;  r = √(−2 ln)·scale
  emit(get(P), get(T), V.fmul, get(E), V.fromS, fconst(LN2), V.fmul, V.fadd, set(R));
  emit(get(R), fconst(-2), V.fmul, V.fsqrt, get(SCL), V.fmul, set(R));
  // θ = f32(int32(x₂))·2⁻³²·2π; reflect into [−π/2, π/2].
  emit(get(X2), V.fromS, fconst(TWO_POW_M32), V.fmul, fconst(TWO_PI), V.fmul, set(TH));
  emit(get(TH), fconst(HALF_PI), V.fgt, set(C));
  emit(fconst(PI), get(TH), V.fsub, get(TH), get(C), V.bitselect, set(S));
  emit(get(TH), fconst(-HALF_PI), V.flt, set(REF));
  emit(fconst(-PI), get(TH), V.fsub, get(S), get(REF), V.bitselect, set(S));
  emit(get(REF), get(C), V.or, set(REF));
  emit(get(S), get(S), V.fmul, set(SS));
  horner(SIN_C, SS, PS);
  horner(COS_C, SS, PC);
  emit(get(PC), V.fneg, get(PC), get(REF), V.bitselect, set(PC));
  emit(get(OUT), get(R), get(PC), V.fmul, store(0));
  emit(get(OUT), get(R), get(PS), get(S), V.fmul, V.fmul, store(16));
  emit(get(OUT), i32c(32), i32Add, set(OUT), get(BLOCKS), i32c(1), i32Sub, set(BLOCKS), br(0), END, END);
  emit(get(STATE), get(S0), store(0), get(STATE), get(S1), store(16), get(STATE), get(S2), store(32), get(STATE), get(S3), store(48));
  const { i32, f32, v128 } = type;
  return memoryModule([{ name: 'fill', params: [i32, i32, i32, f32], locals: [[next - 4, v128]], code: [...prologue, ...c] }]);
}

const kernelModule = lazyModule(assemble);

/** Values per kernel call: the output goes through a buffer of this many floats in wasm memory. */
const CHUNK = 16384;

/**
 * A normal generator seeded from 16 draws of `rng` (its four xoshiro128+ lanes), as the SIMD
 * kernel where the runtime has WebAssembly SIMD, else (or with `kind: 'js'`) its scalar twin —
 * the same values either way. Deterministic given `rng`'s state.
 *
 * @example const g = simdNormals(xoroshiro128plus(1)); const z = new Float32Array(10); g.fill(z, 1) // ten N(0, 1) values
 */
export function simdNormals(rng: RandomGenerator, options: { readonly kind?: 'auto' | 'simd' | 'js' } = {}): NormalGenerator {
  const state = seedState(rng);
  const m = options.kind === 'js' ? null : kernelModule();
  if (options.kind === 'simd' && m === null) throw new Error("simdNormals: kind 'simd' but this runtime has no WebAssembly SIMD");
  // Leftover values of the last block (fill lengths need not be multiples of 8).
  const spare = new Float32Array(8);
  let spareAt = 8;
  let spareScale = Number.NaN;
  if (m === null) {
    return {
      kind: 'js',
      fill(out, scale) {
        let i = 0;
        const n = out.length;
        while (i < n && spareAt < 8 && spareScale === scale) out[i++] = spare[spareAt++]!;
        for (; i + 8 <= n; i += 8) jsBlock(state, scale, out, i);
        if (i < n) {
          jsBlock(state, scale, spare, 0);
          spareScale = scale;
          for (spareAt = 0; i < n; ) out[i++] = spare[spareAt++]!;
        }
      },
    };
  }
  const memory = new WebAssembly.Memory({ initial: Math.ceil((64 + 4 * CHUNK) / 65536) });
  const fill = new WebAssembly.Instance(m, { env: { memory } }).exports.fill as (statePtr: number, outPtr: number, blocks: number, scale: number) => void;
  new Uint32Array(memory.buffer, 0, 16).set(state);
  const buffer = new Float32Array(memory.buffer, 64, CHUNK);
  return {
    kind: 'simd',
    fill(out, scale) {
      let i = 0;
      const n = out.length;
      while (i < n && spareAt < 8 && spareScale === scale) out[i++] = spare[spareAt++]!;
      while (i < n) {
        const want = Math.min(CHUNK, 8 * Math.ceil((n - i) / 8));
        fill(0, 64, want / 8, scale);
        const take = Math.min(want, n - i);
        out.set(take === CHUNK ? buffer : buffer.subarray(0, take), i);
        i += take;
        if (take < want) {
          spare.set(buffer.subarray(want - 8, want));
          spareAt = 8 - (want - take);
          spareScale = scale;
        }
      }
    },
  };
}
