import { describe, expect, it } from 'vitest';
import { parseTorchOutput, pythonCandidates } from './torch.ts';

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
