import { threadId } from 'node:worker_threads';

/** Test handler for createWorkerPool: squares numbers (slowly, to overlap), fails on negatives. */
export async function createHandler(init: { readonly delayMs: number; readonly shared?: Int32Array }): Promise<(input: number) => Promise<{ square: number; thread: number; shared: number }>> {
  return async (input) => {
    if (input < 0) throw new Error(`negative input ${input}`);
    await new Promise((r) => setTimeout(r, init.delayMs));
    return { square: input * input, thread: threadId, shared: init.shared === undefined ? -1 : Atomics.add(init.shared, 0, 1) };
  };
}
