import { wasmEncoding } from './wasmEncoding.ts';

const { u32, vec, section, name } = wasmEncoding;

/** One exported function of {@link memoryModule}: its name, parameter types, local types and code (without the final `end`). */
export interface KernelFunction {
  readonly name: string;
  readonly params: readonly number[];
  /** Local declarations as [count, type] runs, after the parameters. */
  readonly locals: readonly (readonly [number, number])[];
  readonly code: readonly number[];
}

/**
 * The bytes of a module that imports its memory as env.memory and exports `functions` (no
 * results), each with its own type — the shape of every generated kernel of the suite.
 *
 * @example new WebAssembly.Module(memoryModule([{ name: 'nop', params: [], locals: [], code: [] }])) // exports nop()
 */
export function memoryModule(functions: readonly KernelFunction[]): Uint8Array<ArrayBuffer> {
  const types = functions.map((f) => [0x60, ...vec(f.params.map((t) => [t])), ...vec([])]);
  const bodies = functions.map((f) => {
    const body = [...vec(f.locals.map(([count, type]) => [...u32(count), type])), ...f.code, 0x0b];
    return [...u32(body.length), ...body];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec(types)),
    ...section(2, vec([[...name('env'), ...name('memory'), 0x02, 0x00, ...u32(1)]])),
    ...section(3, vec(functions.map((_, i) => u32(i)))),
    ...section(7, vec(functions.map((f, i) => [...name(f.name), 0x00, ...u32(i)]))),
    ...section(10, vec(bodies)),
  ]);
}
