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
