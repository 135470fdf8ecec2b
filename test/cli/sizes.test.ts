import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runMain } from './helpers.ts';

const VV = fileURLToPath(new URL('../../bin/vv.mjs', import.meta.url));

describe('absurd sizes get a clear bound or an estimate, not a raw typed-array error or silence', () => {
  it.each([
    ['--width 100000', ['--width', '100000', '--depth', '2'], /^vv: error: --width: one batch of 100 networks needs ≈ 14901 GiB \(2e\+10 weights per network, 8 bytes each\); the limit is 2 GiB: use smaller widths$/],
    ['--widths 4,100000,100000', ['--widths', '4,100000,100000'], /^vv: error: --widths: one batch of 100 networks needs ≈ 7451 GiB/],
  ])('vv montecarlo %s: exit 2, one line with the memory a batch needs, before any work', async (_name, size, pattern) => {
    const r = await runMain(['montecarlo', ...size, '--dist', 'normal', '--samples', '100'], { env: { VV_BACKEND: 'cpu' } });
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(pattern);
  });

  it('vv montecarlo --samples 1e11: an estimate of the run time on stderr after the first batch', async () => {
    const child = spawn(process.execPath, [VV, 'montecarlo', '--width', '4', '--depth', '2', '--dist', 'normal', '--samples', '1e11', '--backend', 'cpu'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    const found = await new Promise<boolean>((done) => {
      const timer = setTimeout(() => done(false), 100_000);
      child.stderr.on('data', (b: Buffer) => {
        stderr += b.toString();
        if (/montecarlo: the first 4096 networks took [\d.]+ s; all 100000000000 networks need ≈ [\d.]+ (h|days)/.test(stderr)) {
          clearTimeout(timer);
          done(true);
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        done(false);
      });
    });
    child.kill('SIGKILL');
    expect(found, stderr).toBe(true);
  }, 120_000);
});

describe('depth bounds', () => {
  it.each([
    ['kurtosis', ['kurtosis', '--width', '2', '--depth', '1000000000'], /^vv: error: --depth must be <= 100000 \(one table row per layer\), got 1000000000$/],
    ['montecarlo', ['montecarlo', '--width', '2', '--depth', '1000000000', '--dist', 'normal'], /^vv: error: --depth must be <= 10000 \(one weight layer per network and depth\), got 1000000000$/],
  ])('vv %s --depth 1e9: a clear bound, exit 2', async (_name, argv, pattern) => {
    const r = await runMain(argv);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd()).toMatch(pattern);
  });
});
