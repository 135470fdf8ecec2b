import { describe, expect, it } from 'vitest';
import { createFloat32Pool } from './float32Pool.ts';

describe('createFloat32Pool', () => {
  it('hands out arrays of exactly the length asked, distinct within a call', () => {
    const pool = createFloat32Pool();
    const a = pool.take(3);
    const b = pool.take(3);
    const c = pool.take(0);
    expect([a.length, b.length, c.length]).toEqual([3, 3, 0]);
    expect(a).not.toBe(b);
  });

  it('after recycle() reuses the previous call\'s arrays of the same length (contents kept), and allocates for new lengths', () => {
    const pool = createFloat32Pool();
    const a = pool.take(4);
    const b = pool.take(4);
    a.fill(7);
    pool.recycle();
    const again = [pool.take(4), pool.take(4)];
    expect(again).toContain(a);
    expect(again).toContain(b);
    expect(a[0]).toBe(7);
    const third = pool.take(4);
    expect(third).not.toBe(a);
    expect(third).not.toBe(b);
    expect(pool.take(5).length).toBe(5);
  });

  it('holds at most one call\'s arrays: one not taken in a call is dropped at its recycle()', () => {
    const pool = createFloat32Pool();
    const a = pool.take(2);
    pool.recycle();
    pool.take(9); // this call does not take a length-2 array
    pool.recycle();
    expect(pool.take(2)).not.toBe(a);
  });
});
