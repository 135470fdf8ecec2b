import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CIFAR10_MD5, fetchCifar10 } from './fetchCifar10.ts';
import { makeArchive, RECORD, serve, writeFakeCifar10 } from './internal/testFixtures.ts';
import { loadCifar10 } from './loadCifar10.ts';
import { DataError } from './types.ts';

// The archives are GENERATED: the official layout with 4-record batch files (24 images), served
// by a local node:http server. fetchCifar10 takes the expected MD5 and the validation as options,
// so the tests validate with loadCifar10({ recordsPerFile: 4 }); the full-size check (30,730,000
// bytes a file) is loadCifar10's default and is tested in loadCifar10.test.ts.
const R = 4;
const validate = (dir: string) => loadCifar10({ dataDir: dir, recordsPerFile: R, env: {} });
const BATCHES = ['batches.meta.txt', 'data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin'];

const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vv-fetch-'));
  temps.push(d);
  return d;
};
const list = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

let server: Awaited<ReturnType<typeof serve>>;
let good: { bytes: Buffer; md5: string };
let wrongSize: { bytes: Buffer; md5: string };
let noFolder: { bytes: Buffer; md5: string };

beforeAll(async () => {
  const src = temp();
  writeFakeCifar10(src, R);
  good = await makeArchive(src, ['cifar-10-batches-bin'], join(src, 'good.tar.gz'));
  const bad = temp();
  const dir = writeFakeCifar10(bad, R);
  writeFileSync(join(dir, 'data_batch_2.bin'), new Uint8Array(R * RECORD - 10));
  wrongSize = await makeArchive(bad, ['cifar-10-batches-bin'], join(bad, 'bad.tar.gz'));
  const other = temp();
  writeFakeCifar10(join(other, 'elsewhere'), R);
  noFolder = await makeArchive(other, ['elsewhere'], join(other, 'other.tar.gz'));
  const corrupt = Buffer.from(good.bytes);
  corrupt[corrupt.length >> 1]! ^= 0xff;
  server = await serve({
    '/good.tar.gz': { body: good.bytes },
    '/corrupt.tar.gz': { body: corrupt },
    '/truncated.tar.gz': { body: good.bytes, mode: 'truncate' },
    '/wrong-size.tar.gz': { body: wrongSize.bytes },
    '/no-folder.tar.gz': { body: noFolder.bytes },
    '/gone.tar.gz': { body: good.bytes, mode: 'not-found' },
  });
});
afterAll(async () => {
  await server?.close();
  temps.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

describe('fetchCifar10 (local HTTP server, generated archives)', () => {
  it('downloads, verifies, extracts: dest holds cifar-10-batches-bin and nothing else; progress reaches Content-Length', async () => {
    const dest = join(temp(), 'data');
    const seen: [number, number | undefined][] = [];
    const r = await fetchCifar10({ url: server.url('/good.tar.gz'), dest, md5: good.md5, validate, onProgress: (n, t) => seen.push([n, t]) });
    expect(r).toEqual({ status: 'downloaded', dir: join(dest, 'cifar-10-batches-bin'), bytes: good.bytes.length, md5: good.md5 });
    expect(list(dest)).toEqual(['cifar-10-batches-bin', ...BATCHES.map((f) => join('cifar-10-batches-bin', f))]);
    expect(seen.at(-1)).toEqual([good.bytes.length, good.bytes.length]);
    expect(Array.from(validate(r.dir).train.labels)).toEqual(Array.from({ length: 5 * R }, (_, i) => i % 10));
  });

  it('an existing complete folder: nothing downloaded; --force downloads again and replaces it', async () => {
    const dest = temp();
    const url = server.url('/good.tar.gz');
    await fetchCifar10({ url, dest, md5: good.md5, validate });
    const before = server.hits();
    expect(await fetchCifar10({ url, dest, md5: good.md5, validate })).toEqual({ status: 'exists', dir: join(dest, 'cifar-10-batches-bin'), bytes: 0, md5: null });
    expect(server.hits()).toBe(before);
    expect((await fetchCifar10({ url, dest, md5: good.md5, validate, force: true })).status).toBe('downloaded');
    expect(server.hits()).toBe(before + 1);
    expect(list(dest)).toEqual(['cifar-10-batches-bin', ...BATCHES.map((f) => join('cifar-10-batches-bin', f))]);
  });

  it('an existing incomplete folder is replaced by a good download', async () => {
    const dest = temp();
    mkdirSync(join(dest, 'cifar-10-batches-bin'));
    writeFileSync(join(dest, 'cifar-10-batches-bin', 'data_batch_1.bin'), 'junk');
    expect((await fetchCifar10({ url: server.url('/good.tar.gz'), dest, md5: good.md5, validate })).status).toBe('downloaded');
    expect(list(dest)).toEqual(['cifar-10-batches-bin', ...BATCHES.map((f) => join('cifar-10-batches-bin', f))]);
  });

  const failures: [string, string, () => string, RegExp][] = [
    ['checksum mismatch (corrupted archive)', '/corrupt.tar.gz', () => good.md5, /^fetchCifar10: checksum mismatch: got [0-9a-f]{32}, expected [0-9a-f]{32} \(MD5 of http:\/\/127\.0\.0\.1:\d+\/corrupt\.tar\.gz, \d+ bytes\)$/],
    ['checksum mismatch against the official MD5', '/good.tar.gz', () => CIFAR10_MD5, new RegExp(`checksum mismatch: got [0-9a-f]{32}, expected ${CIFAR10_MD5}`)],
    ['truncated download (server closes after half the bytes)', '/truncated.tar.gz', () => good.md5, /^fetchCifar10: download of .*truncated\.tar\.gz (ended early after \d+ of \d+ bytes|is truncated: got \d+ bytes, expected \d+)/],
    ['HTTP 404', '/gone.tar.gz', () => good.md5, /answered HTTP 404 Not Found, expected 200 with the archive/],
    ['an archive whose batch file has the wrong size', '/wrong-size.tar.gz', () => wrongSize.md5, /^fetchCifar10: the archive from .*wrong-size\.tar\.gz is not a complete copy \(loadCifar10: .*data_batch_2\.bin is 12282 bytes, expected 12292 \(4 records of 3073 bytes\)\)$/],
    ['an archive without cifar-10-batches-bin/', '/no-folder.tar.gz', () => noFolder.md5, /has no cifar-10-batches-bin\/ folder, expected the official layout/],
  ];
  it.each(failures)('%s: DataError, and no partial output in dest (new or existing)', async (_, path, md5, pattern) => {
    const fresh = join(temp(), 'data');
    const call = (dest: string) => fetchCifar10({ url: server.url(path), dest, md5: md5(), validate });
    await expect(call(fresh)).rejects.toThrow(DataError);
    await expect(call(fresh)).rejects.toThrow(pattern);
    expect(existsSync(fresh)).toBe(false); // the dest it created is removed again
    const existing = temp();
    writeFileSync(join(existing, 'keep.txt'), 'mine');
    await expect(call(existing)).rejects.toThrow(pattern);
    expect(list(existing)).toEqual(['keep.txt']);
  });

  it('a failed download leaves an existing (incomplete) folder as it was', async () => {
    const dest = temp();
    mkdirSync(join(dest, 'cifar-10-batches-bin'));
    writeFileSync(join(dest, 'cifar-10-batches-bin', 'data_batch_1.bin'), 'junk');
    await expect(fetchCifar10({ url: server.url('/corrupt.tar.gz'), dest, md5: good.md5, validate })).rejects.toThrow(/checksum mismatch/);
    expect(list(dest)).toEqual(['cifar-10-batches-bin', join('cifar-10-batches-bin', 'data_batch_1.bin')]);
  });

  it('an unreachable server: DataError naming the URL', async () => {
    const dest = join(temp(), 'data');
    // Port 9 (discard) on 127.0.0.1: nothing listens there in a test environment.
    await expect(fetchCifar10({ url: 'http://127.0.0.1:9/x.tar.gz', dest, md5: good.md5, validate })).rejects.toThrow(/^fetchCifar10: download of http:\/\/127\.0\.0\.1:9\/x\.tar\.gz failed/);
    expect(existsSync(dest)).toBe(false);
  });

  it('a dest that is a file: DataError naming it', async () => {
    const file = join(temp(), 'a-file');
    writeFileSync(file, 'x');
    await expect(fetchCifar10({ url: server.url('/good.tar.gz'), dest: file, md5: good.md5, validate })).rejects.toThrow(`fetchCifar10: cannot use ${file} as the destination`);
  });
});
