import { wasmEncoding } from './wasmEncoding.ts';

const { u32, s32 } = wasmEncoding;
const scratch = new Float32Array(1);

/**
 * The instructions the suite's generated SIMD kernels are written in, each as its bytes
 * (WebAssembly core specification §5.4, with the fixed-width SIMD opcodes of §5.4.8): locals,
 * constants, structured control, and `simd(code)` for any 0xFD-prefixed opcode. v128 loads and
 * stores take a byte offset and assume 16-byte alignment as a hint only (any address works).
 *
 * @example [...wasmInstructions.get(0), ...wasmInstructions.load(16)] // [0x20, 0, 0xfd, 0, 4, 16]: v128.load offset 16 of local 0
 */
export const wasmInstructions = {
  get: (i: number): number[] => [0x20, ...u32(i)],
  set: (i: number): number[] => [0x21, ...u32(i)],
  tee: (i: number): number[] => [0x22, ...u32(i)],
  simd: (code: number): number[] => [0xfd, ...u32(code)],
  load: (offset = 0): number[] => [0xfd, 0x00, 4, ...u32(offset)],
  store: (offset = 0): number[] => [0xfd, 0x0b, 4, ...u32(offset)],
  i32: (n: number): number[] => [0x41, ...s32(n)],
  f32: (x: number): number[] => {
    scratch[0] = x;
    return [0x43, ...new Uint8Array(scratch.buffer)];
  },
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  else: [0x05],
  end: [0x0b],
  br: (depth: number): number[] => [0x0c, ...u32(depth)],
  brIf: (depth: number): number[] => [0x0d, ...u32(depth)],
  i32Eqz: [0x45],
  i32Add: [0x6a],
  i32Sub: [0x6b],
  f32Eq: [0x5b],
  /** Value types, for signatures and locals. */
  type: { i32: 0x7f, f32: 0x7d, v128: 0x7b },
};
