import { describe, expect, it } from 'vitest';
import { createWorkerPool } from './createWorkerPool.ts';

const module = new URL('./internal/squareHandler.ts', import.meta.url);

describe('createWorkerPool', () => {
  it('runs inputs on several threads (TypeScript handler modules), sharing SharedArrayBuffers', async () => {
    const shared = new Int32Array(new SharedArrayBuffer(4));
    const pool = createWorkerPool<number, { square: number; thread: number; shared: number }>({ size: 2, module, init: { delayMs: 30, shared } });
    try {
      const out = await Promise.all([1, 2, 3, 4, 5, 6].map((x) => pool.run(x)));
      expect(out.map((o) => o.square)).toEqual([1, 4, 9, 16, 25, 36]);
      expect(new Set(out.map((o) => o.thread)).size).toBe(2);
      expect(shared[0]).toBe(6); // both workers incremented the same memory
    } finally {
      await pool.close();
    }
  });

  it('rejects with the handler error and keeps serving', async () => {
    const pool = createWorkerPool<number, { square: number }>({ size: 1, module, init: { delayMs: 1 } });
    try {
      await expect(pool.run(-2)).rejects.toThrow('negative input -2');
      expect((await pool.run(3)).square).toBe(9);
    } finally {
      await pool.close();
    }
  });

  it('rejects queued work on close, and bad sizes', async () => {
    const pool = createWorkerPool<number, { square: number }>({ size: 1, module, init: { delayMs: 200 } });
    const outcomes = [pool.run(1), pool.run(2)].map((p) => p.then(() => 'resolved', (e: Error) => e.message));
    await pool.close();
    expect(await Promise.all(outcomes)).toEqual(['createWorkerPool: the pool was closed', 'createWorkerPool: the pool was closed']);
    expect(() => createWorkerPool({ size: 0, module, init: null })).toThrow('options.size must be an integer >= 1, got 0');
  });
});
