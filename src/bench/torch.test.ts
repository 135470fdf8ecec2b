import { describe, expect, it } from 'vitest';
import { parseTorchOutput, pythonCandidates, sumGridOutputs, type TorchOutput } from './torch.ts';

describe('parseTorchOutput', () => {
  it('summarises the script\'s values into measurements', () => {
    const text = JSON.stringify({
      torch_version: '1.13.1',
      threads: 2,
      peak_rss_bytes: 1000,
      notes: ['n'],
      measurements: [{ id: 'torch.gemm', workload: 'gemm', key: 'gemm', side: 'torch', label: 'mm', unit: 'GFLOP/s', better: 'higher', values: [3, 1, 2] }],
    });
    const { info, measurements } = parseTorchOutput(text);
    expect(info).toEqual({ version: '1.13.1', threads: 2, peakRssBytes: 1000, notes: ['n'] });
    expect(measurements[0]).toMatchObject({ id: 'torch.gemm', side: 'torch', summary: { median: 2, min: 1, max: 3, runs: 3 } });
  });
});

describe('pythonCandidates', () => {
  it('VV_PYTHON, then python3 on PATH, then Debian\'s /usr/bin/python3, without duplicates', () => {
    expect(pythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
    expect(pythonCandidates({ VV_PYTHON: '/opt/py' })).toEqual(['/opt/py', 'python3', '/usr/bin/python3']);
    expect(pythonCandidates({ VV_PYTHON: 'python3' })).toEqual(['python3', '/usr/bin/python3']);
  });
});

describe('sumGridOutputs', () => {
  const proc = (values: number[]): TorchOutput => ({
    torch_version: '1.13',
    threads: 1,
    peak_rss_bytes: null,
    notes: [],
    measurements: [{ id: 'torch.fig3-train.w10d100.tuned.grid-process', workload: 'fig3-train', key: 'fig3-train.w10d100', side: 'torch-tuned', label: 'w10', unit: 'steps/s', better: 'higher', values }],
  });
  it('sums run i over the processes and renames the id', () => {
    const [m] = sumGridOutputs([proc([10, 11, 12]), proc([9, 12, 14])]);
    expect(m!.id).toBe('torch.fig3-train.w10d100.tuned.grid');
    expect(m!.key).toBe('fig3-train.w10d100');
    expect(m!.summary.median).toBe(23);
    expect([m!.summary.min, m!.summary.max]).toEqual([19, 26]);
    expect(m!.label).toMatch(/grid of 2 single-thread processes/);
  });
  it('a process missing a measurement or a run is an error, not a smaller sum', () => {
    const empty: TorchOutput = { ...proc([1]), measurements: [] };
    expect(() => sumGridOutputs([proc([5]), empty])).toThrow(/grid process 2 of 2 reported no torch.fig3-train.w10d100.tuned.grid-process for run 1/);
    expect(() => sumGridOutputs([proc([5, 6]), proc([5])])).toThrow(/run 2/);
  });
});
