/**
 * Float32Array buffers reused from one call of a fused kernel to the next, so that a MetaInit run
 * allocates its ≈ 60 matrices per step once instead of every step (at width 200 and depth 50 a
 * step's allocations and their garbage collection were ≈ a quarter of its time).
 *
 * Convention: `take(n)` returns an array of exactly n entries whose contents are arbitrary (the
 * previous call's values): a caller must write every entry before reading it. `recycle()` ends a
 * call: every array taken since the last `recycle()` becomes available again, and arrays that this
 * call did not take are dropped, so the pool holds at most one call's buffers.
 *
 * @example const pool = createFloat32Pool(); const a = pool.take(3); pool.recycle(); pool.take(3) === a // true
 */
export interface Float32Pool {
  take(length: number): Float32Array;
  recycle(): void;
}

export function createFloat32Pool(): Float32Pool {
  let free = new Map<number, Float32Array[]>();
  let taken: Float32Array[] = [];
  return {
    take(length: number): Float32Array {
      const a = free.get(length)?.pop() ?? new Float32Array(length);
      taken.push(a);
      return a;
    },
    recycle(): void {
      const next = new Map<number, Float32Array[]>();
      for (const a of taken) {
        const list = next.get(a.length);
        if (list === undefined) next.set(a.length, [a]);
        else list.push(a);
      }
      free = next;
      taken = [];
    },
  };
}
