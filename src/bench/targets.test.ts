import { describe, expect, it } from 'vitest';
import { compare } from './compare.ts';
import { fakeMeasurement as m, fakeWorkload } from './fixtures.ts';
import { evaluateTargets } from './targets.ts';

const GiB = 2 ** 30;

function full() {
  const ours = [
    m('fig2.single', [6, 6, 6], { key: 'fig2' }),
    m('fig2.workers', [11, 12, 13], { key: 'fig2' }),
    m('fig2.first-layer', [20, 20, 20], { key: 'fig2.first-layer', unit: 'GFLOP/s' }),
    m('gemm', [30, 30, 30], { workload: 'gemm', unit: 'GFLOP/s' }),
    m('fig3-train.w200d500.single', [1, 1, 1], { workload: 'fig3-train', key: 'fig3-train.w200d500', unit: 'steps/s' }),
    m('fig3-train.w200d500.grid', [2, 2, 2], { workload: 'fig3-train', key: 'fig3-train.w200d500', unit: 'steps/s' }),
    m('fig3-train.w10d100.single', [50, 50, 50], { workload: 'fig3-train', key: 'fig3-train.w10d100', unit: 'steps/s' }),
    m('metainit', [50, 55, 60], { workload: 'metainit', unit: 's', better: 'lower' }),
    m('montecarlo', [100, 100, 100], { workload: 'montecarlo', unit: 'samples/s' }),
    m('montecarlo.fast', [300, 300, 300], { workload: 'montecarlo', key: 'montecarlo', unit: 'samples/s' }),
  ];
  const torch = [
    m('torch.fig2.authors', [1, 1.2, 0.8], { key: 'fig2', side: 'torch-authors' }),
    m('torch.fig2.tuned', [15, 15, 15], { key: 'fig2', side: 'torch-tuned' }),
    m('torch.fig3-train.w200d500', [1.5, 1.5, 1.5], { workload: 'fig3-train', key: 'fig3-train.w200d500', side: 'torch-authors', unit: 'steps/s' }),
    m('torch.fig3-train.w200d500.tuned', [1.8, 1.8, 1.8], { workload: 'fig3-train', key: 'fig3-train.w200d500', side: 'torch-tuned', unit: 'steps/s' }),
    m('torch.fig3-train.w10d100', [60, 60, 60], { workload: 'fig3-train', key: 'fig3-train.w10d100', side: 'torch-authors', unit: 'steps/s' }),
    m('torch.metainit', [200, 200, 200], { workload: 'metainit', key: 'metainit', side: 'torch', unit: 's', better: 'lower' }),
    m('torch.montecarlo', [250, 250, 250], { workload: 'montecarlo', key: 'montecarlo', side: 'torch', unit: 'samples/s' }),
  ];
  return { ours, torch };
}

describe('evaluateTargets', () => {
  it('every target not measured without data', () => {
    const t = evaluateTargets({ measurements: [], workloads: [] });
    expect(t.map((x) => x.id)).toEqual(['fig2-vs-authors', 'fig2-vs-tuned', 'fig2-rss', 'fig2-roofline', 'montecarlo', 'metainit', 'cli-start.help', 'cli-start.kurtosis']);
    expect(t.every((x) => x.status === 'not-measured' && x.value === null)).toBe(true);
  });
  it('met and missed with their numbers; the better fig2 figure (here the workers\') is ours', () => {
    const { ours, torch } = full();
    const t = Object.fromEntries(evaluateTargets({ measurements: [...ours, ...torch], workloads: [fakeWorkload('fig2', [], 3 * GiB)] }).map((x) => [x.id, x]));
    expect(t['fig2-vs-authors']).toMatchObject({ status: 'met', value: 12, threshold: 10 });
    expect(t['fig2-vs-authors']!.detail).toContain('fig2.workers');
    expect(t['fig2-vs-tuned']).toMatchObject({ status: 'missed', value: 12 / 15, threshold: 3 });
    expect(t['fig2-rss']).toMatchObject({ status: 'met', value: 3 });
    expect(t['fig2-roofline']).toMatchObject({ status: 'met', value: 20 / 30 });
    // grid 2 vs the faster PyTorch form (tuned 1.8)
    expect(t['fig3-train.w200d500']).toMatchObject({ status: 'met', value: 2 / 1.8 });
    expect(t['fig3-train.w200d500']!.detail).toContain('torch.fig3-train.w200d500.tuned');
    // no grid: single-core figure; width 10 needs 1.5 × PyTorch
    expect(t['fig3-train.w10d100']).toMatchObject({ status: 'missed', value: 50 / 60, threshold: 1.5 });
    expect(t['fig3-train.w200d500']!.threshold).toBe(1);
    expect(t['fig3-train.w10d100']!.detail).toContain('fig3-train.w10d100.single');
    expect(t['metainit']).toMatchObject({ status: 'met', value: 55 / 200, threshold: 0.3 });
    // the better sampler is ours: fast path 300 vs PyTorch 250
    expect(t['montecarlo']).toMatchObject({ status: 'met', value: 300 / 250, threshold: 1 });
    expect(t['montecarlo']!.detail).toContain('montecarlo.fast');
  });
  it('thresholds bite: w10 at 1.4 × PyTorch, MetaInit at 0.31 × and fig2 at 2.9 × are missed', () => {
    const t = Object.fromEntries(
      evaluateTargets({
        measurements: [
          m('fig3-train.w10d100.single', [140], { workload: 'fig3-train', key: 'fig3-train.w10d100', unit: 'steps/s' }),
          m('torch.fig3-train.w10d100', [100], { workload: 'fig3-train', key: 'fig3-train.w10d100', side: 'torch-tuned', unit: 'steps/s' }),
          m('metainit', [31], { workload: 'metainit', unit: 's', better: 'lower' }),
          m('torch.metainit', [100], { workload: 'metainit', key: 'metainit', side: 'torch', unit: 's', better: 'lower' }),
          m('fig2.single', [29], { key: 'fig2' }),
          m('torch.fig2.tuned', [10], { key: 'fig2', side: 'torch-tuned' }),
        ],
        workloads: [],
      }).map((x) => [x.id, x]),
    );
    expect([t['fig3-train.w10d100']!.status, t['metainit']!.status, t['fig2-vs-tuned']!.status]).toEqual(['missed', 'missed', 'missed']);
  });
  it('fig2: the single-core figure when it beats the worker pool', () => {
    const t = evaluateTargets({ measurements: [m('fig2.single', [20], { key: 'fig2' }), m('fig2.workers', [15], { key: 'fig2' }), m('torch.fig2.authors', [1], { key: 'fig2', side: 'torch-authors' })], workloads: [] });
    expect(t[0]).toMatchObject({ id: 'fig2-vs-authors', status: 'met', value: 20 });
    expect(t[0]!.detail).toContain('fig2.single');
  });
  it('cli-start: vv --help ≤ 0.3 s and vv kurtosis ≤ 0.5 s (medians), each met or missed on its own', () => {
    const cli = (help: number[], kurtosis: number[]) =>
      Object.fromEntries(
        evaluateTargets({
          measurements: [m('cli-start.help', help, { workload: 'cli-start', unit: 's', better: 'lower' }), m('cli-start.kurtosis', kurtosis, { workload: 'cli-start', unit: 's', better: 'lower' })],
          workloads: [{ ...fakeWorkload('cli-start', []), config: { mode: 'dist/' } }],
        }).map((x) => [x.id, x]),
      );
    const fast = cli([0.2, 0.9, 0.25], [0.4, 0.45, 2]);
    expect(fast['cli-start.help']).toMatchObject({ status: 'met', value: 0.25, threshold: 0.3 });
    expect(fast['cli-start.kurtosis']).toMatchObject({ status: 'met', value: 0.45, threshold: 0.5 });
    expect(fast['cli-start.help']!.detail).toBe('0.250 s median over 3 runs (dist/)');
    const slow = cli([0.31, 0.31, 0.31], [0.5, 0.51, 0.52]);
    expect(slow['cli-start.help']).toMatchObject({ status: 'missed', value: 0.31 });
    expect(slow['cli-start.kurtosis']).toMatchObject({ status: 'missed', value: 0.51 });
  });
  it('RSS over 4 GiB and a slow first layer are missed', () => {
    const t = evaluateTargets({ measurements: [m('fig2.first-layer', [10]), m('gemm', [30])], workloads: [fakeWorkload('fig2', [], 4.5 * GiB)] });
    expect(t.find((x) => x.id === 'fig2-rss')).toMatchObject({ status: 'missed', value: 4.5 });
    expect(t.find((x) => x.id === 'fig2-roofline')).toMatchObject({ status: 'missed' });
    // with a system BLAS the roofline is its GEMM, not tfjs's
    const blas = evaluateTargets({ measurements: [m('fig2.first-layer', [60]), m('gemm', [30]), m('gemm.blas', [100])], workloads: [] }).find((x) => x.id === 'fig2-roofline')!;
    expect(blas).toMatchObject({ status: 'met', value: 0.6 });
    expect(blas.detail).toContain('gemm.blas');
    expect(t.find((x) => x.id === 'fig2-vs-authors')!.detail).toMatch(/--vs-torch/);
  });
});

describe('compare', () => {
  it('pairs ours with every torch measurement of the same key and unit', () => {
    const { ours, torch } = full();
    const c = compare(ours, torch);
    const fig2 = c.filter((x) => x.key === 'fig2');
    expect(fig2.map((x) => `${x.ours}/${x.theirs}`)).toEqual(['fig2.single/torch.fig2.authors', 'fig2.single/torch.fig2.tuned', 'fig2.workers/torch.fig2.authors', 'fig2.workers/torch.fig2.tuned']);
    expect(fig2[0]).toMatchObject({ ratio: 6, speedup: 6 });
    const mi = c.find((x) => x.key === 'metainit')!;
    expect(mi.ratio).toBeCloseTo(0.275);
    expect(mi.speedup).toBeCloseTo(1 / 0.275);
    expect(c.some((x) => x.key === 'gemm')).toBe(false);
  });
});
