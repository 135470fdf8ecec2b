import { describe, expect, it } from 'vitest';
import { createProgress } from './progress.ts';

describe('createProgress (not a terminal)', () => {
  it('a line at every further 10%, and at least every 30 s of a long run', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ label: 'mc', total: 1000, unit: 'networks', stream: { write: (s: string) => (out += s) }, now: () => clock });
    p.update(50);
    expect(out).toBe('');
    p.update(100);
    expect(out).toBe('mc: 100/1000 networks (10%), 0.0 s\n');
    clock = 29_000;
    p.update(120);
    expect(out.split('\n')).toHaveLength(2);
    clock = 31_000;
    p.update(130);
    expect(out.split('\n')[1]).toBe('mc: 130/1000 networks (13%), 31.0 s');
    p.update(200);
    expect(out.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('createProgress: the projected time of a long run', () => {
  it('after the first update, when the whole run would take over a minute', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ label: 'mc', total: 1e6, unit: 'networks', stream: { write: (s: string) => (out += s) }, now: () => clock });
    clock = 2_000;
    p.update(4096);
    expect(out).toBe('mc: the first 4096 networks took 2.0 s; all 1000000 networks need ≈ 8.1 min\n');
    clock = 4_000;
    p.update(8192);
    expect(out.split('\n')).toHaveLength(2);
  });

  it('says nothing for a short run', () => {
    let out = '';
    let clock = 0;
    const p = createProgress({ label: 'mc', total: 10, unit: 'tasks', stream: { write: (s: string) => (out += s) }, now: () => clock });
    clock = 1_000;
    p.update(1);
    expect(out).toBe('mc: 1/10 tasks (10%), 1.0 s\n');
  });
});
