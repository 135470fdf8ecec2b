import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchArgs } from './options.ts';

describe('parseBenchArgs', () => {
  it('defaults: every workload, 5 runs, reports/, no torch', () => {
    const o = parseBenchArgs([]);
    expect(o).toMatchObject({ vsTorch: false, quick: false, full: false, runs: 5, out: 'reports', backend: undefined, workers: undefined, torchThreads: 1, help: false });
    expect(o.only).toEqual(['fig2', 'gemm', 'fig3-train', 'metainit', 'montecarlo', 'cli-start']);
  });
  it('reads flags with separate or = values; --only keeps the run order', () => {
    const o = parseBenchArgs(['--vs-torch', '--only', 'montecarlo, gemm,fig2', '--runs=7', '--quick', '--full', '--out', '/tmp/x', '--backend=cpu', '--workers', '1', '--data-dir', 'd', '--torch-threads=2']);
    expect(o).toMatchObject({ vsTorch: true, runs: 7, quick: true, full: true, out: '/tmp/x', backend: 'cpu', workers: 1, dataDir: 'd', torchThreads: 2 });
    expect(o.only).toEqual(['fig2', 'gemm', 'montecarlo']);
  });
  it('help', () => {
    expect(parseBenchArgs(['-h']).help).toBe(true);
    expect(parseBenchArgs(['--help']).help).toBe(true);
  });
  it.each([
    [['--runs', '0'], /--runs needs a positive integer/],
    [['--runs', 'x'], /--runs needs a positive integer/],
    [['--runs'], /--runs needs a value/],
    [['--runs', '--quick'], /--runs needs a value/],
    [['--only', 'fig4'], /unknown workload 'fig4'/],
    [['--only', ','], /--only needs workloads/],
    [['--frobnicate'], /unknown option '--frobnicate'/],
    [['extra'], /unexpected argument 'extra'/],
    [['--quick=1'], /--quick takes no value/],
    [['--out='], /--out needs a folder/],
    [['--workers', '1.5'], /--workers needs a positive integer/],
    [['--torch-threads', '0'], /--torch-threads needs a positive integer/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});
