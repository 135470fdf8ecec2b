/**
 * A compiled-once getter for a generated kernel module: the first call assembles and validates
 * it, and later calls return the same module — or null, every time, where the runtime rejects it
 * (no WebAssembly SIMD), so that callers fall back to their JavaScript loops.
 *
 * @example const adamModule = lazyModule(assemble); adamModule() // WebAssembly.Module, or null without SIMD
 */
export function lazyModule(assemble: () => Uint8Array<ArrayBuffer>): () => WebAssembly.Module | null {
  let module: WebAssembly.Module | null | undefined;
  return () => {
    if (module === undefined) {
      try {
        const bytes = assemble();
        module = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
      } catch {
        module = null;
      }
    }
    return module;
  };
}
