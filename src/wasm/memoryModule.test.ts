import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazyModule.ts';
import { memoryModule } from './memoryModule.ts';
import { wasmInstructions as w } from './wasmInstructions.ts';

describe('memoryModule, lazyModule, wasmInstructions', () => {
  it('assemble a kernel that imports its memory and runs: store(p, load(p) + load(p + 16)) on f32x4', () => {
    const { i32 } = w.type;
    const code = [...w.get(0), ...w.get(0), ...w.load(0), ...w.get(0), ...w.load(16), ...w.simd(0xe4), ...w.store(0)];
    const bytes = memoryModule([
      { name: 'add', params: [i32], locals: [], code },
      { name: 'nop', params: [], locals: [[1, w.type.v128]], code: [] },
    ]);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as { add(p: number): void; nop(): void };
    const f = new Float32Array(memory.buffer, 32, 8);
    f.set([1, 2, 3, 4, 10, 20, 30, 40]);
    exports.add(32);
    exports.nop();
    expect(Array.from(f.subarray(0, 4))).toEqual([11, 22, 33, 44]);
  });

  it('lazyModule compiles once and returns null (every time) for bytes the runtime rejects', () => {
    let calls = 0;
    const good = lazyModule(() => {
      calls++;
      return memoryModule([{ name: 'nop', params: [], locals: [], code: [] }]);
    });
    expect(good()).toBe(good());
    expect(calls).toBe(1);
    const bad = lazyModule(() => new Uint8Array([0, 1, 2, 3]));
    expect(bad()).toBeNull();
    expect(bad()).toBeNull();
  });

  it('encodes constants and offsets as the specification does', () => {
    expect(w.f32(1)).toEqual([0x43, 0, 0, 0x80, 0x3f]);
    expect(w.i32(-1)).toEqual([0x41, 0x7f]);
    expect(w.load(300)).toEqual([0xfd, 0x00, 4, 0xac, 0x02]);
  });
});
