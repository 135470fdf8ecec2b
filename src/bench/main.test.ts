import { describe, expect, it } from 'vitest';
import { benchMain } from './main.ts';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } } };
}

describe('benchMain', () => {
  it('a bad option: one line "vv-bench: error: …", exit 2, nothing run', async () => {
    const t = io();
    expect(await benchMain(['--only', 'nope'], t.io)).toBe(2);
    expect(t.err).toEqual(["vv-bench: error: --only: unknown workload 'nope' (expected fig2, gemm, fig3-train, metainit, montecarlo, cli-start)\n"]);
    expect(t.out).toEqual([]);
  });
  it('an unknown backend: one line, exit 2', async () => {
    const t = io();
    expect(await benchMain(['--backend', 'bogus', '--only', 'gemm', '--out', '/nonexistent/never'], t.io)).toBe(2);
    expect(t.err.at(-1)).toMatch(/^vv-bench: error: --backend: unknown backend 'bogus'/);
  });
  it('a BLAS library that cannot load: one line naming --blas, exit 2', async () => {
    const t = io();
    expect(await benchMain(['--blas', '/nonexistent/libopenblas.so', '--only', 'gemm', '--out', '/nonexistent/never'], t.io)).toBe(2);
    expect(t.err.at(-1)).toMatch(/^vv-bench: error: --blas: cannot load \/nonexistent\/libopenblas\.so/);
  });
  it('--help prints the usage on stdout, exit 0', async () => {
    const t = io();
    expect(await benchMain(['--help'], t.io)).toBe(0);
    expect(t.out.join('')).toContain('Usage: npm run bench');
  });
});
