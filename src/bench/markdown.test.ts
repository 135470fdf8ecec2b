import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';
import { fakeMeasurement as m, fakeWorkload } from './fixtures.ts';
import { formatNumber, renderBenchMarkdown } from './markdown.ts';
import { evaluateTargets } from './targets.ts';
import type { BenchReport } from './types.ts';

function report(over: Partial<BenchReport> = {}): BenchReport {
  const ours = [m('fig2.single', [4, 5, 6], { key: 'fig2' }), m('gemm', [30, 31, 29], { workload: 'gemm', unit: 'GFLOP/s' })];
  const torch = [m('torch.fig2.authors', [0.2, 0.25, 0.3], { key: 'fig2', side: 'torch-authors' })];
  const workloads = [fakeWorkload('fig2', [ours[0]!], 1.5 * 2 ** 30), fakeWorkload('gemm', [ours[1]!])];
  return {
    generatedAt: '2026-01-01T00:00:00.000Z',
    machine: { cpus: 2, cpuModel: 'Test CPU', node: 'v20', platform: 'linux x64', totalMemoryBytes: 8 * 2 ** 30, loadAverageAtStart: [0.1, 0.1, 0.1] },
    backend: 'wasm',
    data: { label: 'CIFAR-10', source: '/data', randomFallback: false },
    options: { runs: 3, quick: false, full: false, workers: 2, only: ['fig2', 'gemm'], vsTorch: true },
    workloads,
    torch: { version: '1.13.1', python: '/usr/bin/python3', threads: 2, installedNow: true, peakRssBytes: 2 ** 30, seconds: 12, notes: ['torch note'] },
    torchMeasurements: torch,
    comparisons: compare(ours, torch),
    targets: evaluateTargets({ measurements: [...ours, ...torch], workloads }),
    ...over,
  };
}

describe('formatNumber', () => {
  it.each([
    [null, '—'],
    [NaN, '—'],
    [0, '0'],
    [12.3456, '12.35'],
    [0.5, '0.5'],
    [1234567, '1.235e+6'],
    [0.0001234, '1.234e-4'],
    [Infinity, '∞'],
  ])('%s → %s', (x, s) => expect(formatNumber(x)).toBe(s));
});

describe('renderBenchMarkdown', () => {
  it('states both sides\' BLAS, kernel and OPENBLAS_* variables, the contention, the peak fractions and the paper estimate', () => {
    const md = renderBenchMarkdown(
      report({
        blas: { provider: 'openblas', library: 'libopenblas.so.0', kernel: 'Haswell', config: 'OpenBLAS 0.3.21', threads: 1, source: 'auto', unavailable: [] },
        torch: { version: '1.13.1', python: 'p', threads: 1, installedNow: false, peakRssBytes: null, seconds: 1, notes: [], blas: { library: '/usr/lib/libopenblas.so.0', kernel: 'Zen', config: null, threads: 2, env: {} } },
        openblasEnv: { OPENBLAS_CORETYPE: 'Haswell' },
        contention: { wallSeconds: 100, cores: 2, machineCores: 1.9, ownCores: 1, otherCores: 0.9, contended: true },
        peakFractions: [{ id: 'gemm', side: 'ours', gflops: 30, peakOneCore: 100, peakAllCores: 200, fractionOfOneCore: 0.3, fractionOfAllCores: 0.15 }],
        paperEstimate: { figures: [{ name: 'fig2', tasks: 41001, hours: 1.5 }], totalHours: 1.5, workers: 2, model: 'a model' },
      }),
    );
    expect(md).toContain('Our BLAS: **openblas** (libopenblas.so.0), kernel **Haswell**');
    expect(md).toContain("PyTorch's BLAS: /usr/lib/libopenblas.so.0, kernel **Zen**");
    expect(md).toContain('`OPENBLAS_CORETYPE=Haswell`');
    expect(md).toMatch(/\*\*Contended run: other processes used 0\.9 of 2 cores/);
    expect(md).toContain('| gemm | ours | 30 | 100 | 200 | 0.3 | 0.15 |');
    expect(md).toContain('1.5 h on 2 worker(s). Model: a model.');
  });

  it('targets, measurements with median/min/max, comparisons, memory and notes', () => {
    const md = renderBenchMarkdown(report());
    expect(md).toContain('# Benchmark');
    expect(md).toContain('backend: **wasm**');
    expect(md).toContain('PyTorch 1.13.1 (/usr/bin/python3), 2 thread(s) (installed by this run: apt-get install python3-torch)');
    expect(md).toContain("| fig2 networks/s ≥ 10 × the authors' PyTorch loop | ✅ met | 20 | 10 |");
    expect(md).toContain('| fig2 networks/s ≥ 3 × tuned PyTorch forward-only | — not measured |');
    expect(md).toContain('| fig2 | fig2.single | fig2.single | ours | 5 | 4 | 6 | networks/s | 3 |  |');
    expect(md).toContain('| fig2 | torch.fig2.authors | torch.fig2.authors | torch-authors | 0.25 | 0.2 | 0.3 | networks/s | 3 |  |');
    expect(md).toContain('| fig2.single | torch.fig2.authors | networks/s | 5 | 0.25 | 20 | 20 |');
    expect(md).toContain('| fig2 | wasm | 1536 | 768 |');
    expect(md).toContain('- fig2: a note');
    expect(md).toContain('- PyTorch: torch note');
    expect(md.endsWith('\n')).toBe(true);
  });
  it('says when the data were random and the run quick, and when torch was not run', () => {
    const md = renderBenchMarkdown(report({ torch: null, torchMeasurements: [], comparisons: [], data: { label: 'random', source: null, randomFallback: true }, options: { runs: 5, quick: true, full: false, workers: 1, only: ['fig2'], vsTorch: false } }));
    expect(md).toContain('CIFAR-10 not found: random CIFAR-shaped float32 data');
    expect(md).toContain('--quick: tiny sizes');
    expect(md).toContain('PyTorch: not run (add `--vs-torch`).');
    expect(md).not.toContain('## Ours against PyTorch');
    expect(md).not.toContain('was busy');
  });
  it('warns when the machine was busy at the start', () => {
    const base = report();
    const md = renderBenchMarkdown({ ...base, machine: { ...base.machine, loadAverageAtStart: [2.1, 2, 2] } });
    expect(md).toContain('The machine was busy when the bench started (1-minute load average 2.1 on 2 cores)');
  });
  it('escapes pipes in cells', () => {
    const md = renderBenchMarkdown(report({ workloads: [fakeWorkload('fig2', [{ ...m('a|b', [1]), label: 'x|y' }])] }));
    expect(md).toContain('x\\|y');
  });
});
