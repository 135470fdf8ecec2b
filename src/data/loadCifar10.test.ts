import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fakePixel, RECORD, writeFakeCifar10 } from './internal/testFixtures.ts';
import { CIFAR10_STAND_IN_DIR, loadCifar10 } from './loadCifar10.ts';
import { DataError } from './types.ts';

const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vv-cifar-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

const R = 4; // records per fake batch file: 24 images in all
const NO_STAND_IN = '/nonexistent/stand-in/cifar-10-batches-bin';
const HAS_STAND_IN = existsSync(join(CIFAR10_STAND_IN_DIR, 'data_batch_1.bin'));

describe('loadCifar10 on small fake batches (recordsPerFile 4)', () => {
  it('concatenates data_batch_1…5 in order, keeps each record as in the file (label, then CHW pixels)', () => {
    const root = temp();
    const dir = writeFakeCifar10(root, R);
    const d = loadCifar10({ dataDir: root, recordsPerFile: R, env: {}, standInDir: NO_STAND_IN });
    expect([d.name, d.label, d.channels, d.height, d.width, d.source]).toEqual(['cifar10', 'CIFAR-10', 3, 32, 32, dir]);
    expect([d.train.count, d.train.size, d.test.count, d.test.size]).toEqual([5 * R, 3072, R, 3072]);
    expect(Array.from(d.train.labels)).toEqual(Array.from({ length: 5 * R }, (_, i) => i % 10));
    expect(Array.from(d.test.labels)).toEqual(Array.from({ length: R }, (_, i) => (5 * R + i) % 10));
    for (const i of [0, 7, 5 * R - 1]) for (const k of [0, 1023, 1024, 2048, 3071]) expect(d.train.pixels[i * 3072 + k]).toBe(fakePixel(i, k));
    expect(d.test.pixels[3 * 3072 + 2000]).toBe(fakePixel(5 * R + 3, 2000));
  });

  it('dataDir may also be the cifar-10-batches-bin folder itself; relative paths resolve against cwd', () => {
    const root = temp();
    const dir = writeFakeCifar10(root, R);
    expect(loadCifar10({ dataDir: dir, recordsPerFile: R, env: {} }).source).toBe(dir);
    expect(loadCifar10({ dataDir: '.', cwd: root, recordsPerFile: R, env: {} }).source).toBe(dir);
  });

  it('VV_DATA_DIR is used without dataDir; dataDir wins over it', () => {
    const a = temp();
    const b = temp();
    writeFakeCifar10(a, R);
    writeFakeCifar10(b, R);
    expect(loadCifar10({ env: { VV_DATA_DIR: a }, recordsPerFile: R }).source).toBe(join(a, 'cifar-10-batches-bin'));
    expect(loadCifar10({ dataDir: b, env: { VV_DATA_DIR: a }, recordsPerFile: R }).source).toBe(join(b, 'cifar-10-batches-bin'));
  });

  it('default: ./data/cifar-10-batches-bin under cwd, before the stand-in', () => {
    const cwd = temp();
    writeFakeCifar10(join(cwd, 'data'), R);
    const d = loadCifar10({ cwd, env: {}, recordsPerFile: R });
    expect([d.source, d.label]).toEqual([join(cwd, 'data', 'cifar-10-batches-bin'), 'CIFAR-10']);
  });

  it("a README naming the 'JPEG-q75 stand-in' beside other bytes does not make them the stand-in (its checksums do)", () => {
    const root = temp();
    writeFakeCifar10(root, R);
    writeFileSync(join(root, 'README.md'), '# CIFAR-10 (JPEG-q75 stand-in), canonical binary layout\n');
    expect(loadCifar10({ dataDir: root, recordsPerFile: R, env: {} }).label).toBe('CIFAR-10');
  });

  it('missing directory (explicit): DataError listing both forms searched', () => {
    const call = () => loadCifar10({ dataDir: '/nonexistent/data', env: {} });
    expect(call).toThrow(DataError);
    expect(call).toThrow(
      'loadCifar10: no cifar-10-batches-bin folder found; searched /nonexistent/data/cifar-10-batches-bin (--data-dir), /nonexistent/data (--data-dir)',
    );
    expect(() => loadCifar10({ env: { VV_DATA_DIR: '/nonexistent/env' } })).toThrow(/searched \/nonexistent\/env\/cifar-10-batches-bin \(VV_DATA_DIR\)/);
  });

  it('missing directory (defaults): DataError listing ./data and the stand-in', () => {
    const cwd = temp();
    expect(() => loadCifar10({ cwd, env: {}, standInDir: NO_STAND_IN })).toThrow(
      `searched ${join(cwd, 'data', 'cifar-10-batches-bin')} (default ./data), ${NO_STAND_IN} (JPEG-q75 stand-in)`,
    );
  });

  it('a missing batch file: DataError naming it and the expected size', () => {
    const root = temp();
    const dir = writeFakeCifar10(root, R);
    rmSync(join(dir, 'test_batch.bin'));
    expect(() => loadCifar10({ dataDir: root, recordsPerFile: R, env: {} })).toThrow(`loadCifar10: missing ${join(dir, 'test_batch.bin')}, expected a file of ${R * RECORD} bytes`);
  });

  it('a truncated file: DataError naming it, its size and the expected size; nothing returned', () => {
    const root = temp();
    const dir = writeFakeCifar10(root, R);
    truncateSync(join(dir, 'data_batch_3.bin'), R * RECORD - 1);
    expect(() => loadCifar10({ dataDir: root, recordsPerFile: R, env: {} })).toThrow(
      `loadCifar10: ${join(dir, 'data_batch_3.bin')} is ${R * RECORD - 1} bytes, expected ${R * RECORD} (${R} records of 3073 bytes)`,
    );
  });

  it('the wrong size for real CIFAR-10 (small files, default 10,000 records): DataError expecting 30,730,000 bytes', () => {
    const root = temp();
    const dir = writeFakeCifar10(root, R);
    expect(() => loadCifar10({ dataDir: root, env: {} })).toThrow(`${join(dir, 'data_batch_1.bin')} is ${R * RECORD} bytes, expected 30730000 (10000 records of 3073 bytes)`);
  });

  it('a label outside 0–9: DataError naming the file and the record', () => {
    const root = temp();
    const dir = writeFakeCifar10(root, R);
    const bytes = new Uint8Array(R * RECORD);
    bytes[2 * RECORD] = 10;
    writeFileSync(join(dir, 'data_batch_5.bin'), bytes);
    expect(() => loadCifar10({ dataDir: root, recordsPerFile: R, env: {} })).toThrow(`${join(dir, 'data_batch_5.bin')} record 2 has label 10, expected 0–9`);
  });

  it('a bad recordsPerFile option: DataError naming it', () => {
    expect(() => loadCifar10({ recordsPerFile: 0 })).toThrow(/loadCifar10: recordsPerFile must be an integer ≥ 1, got 0/);
  });
});

describe.skipIf(!HAS_STAND_IN)(`loadCifar10 on the JPEG-q75 stand-in${HAS_STAND_IN ? '' : ` (SKIPPED: no copy at ${CIFAR10_STAND_IN_DIR})`}`, () => {
  it('falls back to it, labels it, and reads 50,000 + 10,000 images with 5,000/1,000 per class', () => {
    const d = loadCifar10({ cwd: temp(), env: {} });
    expect([d.label, d.source, d.train.count, d.test.count, d.train.size]).toEqual(['CIFAR-10 (JPEG-q75 stand-in)', CIFAR10_STAND_IN_DIR, 50000, 10000, 3072]);
    const per = (l: Uint8Array) => l.reduce((c, x) => (c[x]!++, c), new Array<number>(10).fill(0));
    expect(per(d.train.labels)).toEqual(new Array(10).fill(5000));
    expect(per(d.test.labels)).toEqual(new Array(10).fill(1000));
    // Per-channel means of the training pixels / 255, as the stand-in's README states them to 4 decimals.
    const sums = [0, 0, 0];
    for (let i = 0; i < d.train.count; i++) for (let c = 0; c < 3; c++) for (let k = 0; k < 1024; k++) sums[c]! += d.train.pixels[i * 3072 + c * 1024 + k]!;
    sums.map((s) => s / (50000 * 1024 * 255)).forEach((m, c) => expect(Math.abs(m - [0.4913, 0.4821, 0.4465][c]!)).toBeLessThanOrEqual(5e-5));
  });

  it('a copy elsewhere (its files linked into another folder, no README beside) is recognised by its checksums', () => {
    const root = temp();
    const copy = join(root, 'copy', 'cifar-10-batches-bin');
    mkdirSync(copy, { recursive: true });
    for (const f of ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin', 'test_batch.bin']) symlinkSync(join(CIFAR10_STAND_IN_DIR, f), join(copy, f));
    const d = loadCifar10({ dataDir: join(root, 'copy'), env: {}, standInDir: NO_STAND_IN });
    expect([d.label, d.source]).toEqual(['CIFAR-10 (JPEG-q75 stand-in)', copy]);
  });

  it('a copy with one changed byte is not the stand-in', () => {
    const root = temp();
    const copy = join(root, 'cifar-10-batches-bin');
    mkdirSync(copy);
    for (const f of ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin']) symlinkSync(join(CIFAR10_STAND_IN_DIR, f), join(copy, f));
    const test = readFileSync(join(CIFAR10_STAND_IN_DIR, 'test_batch.bin'));
    test[5] = (test[5]! + 1) % 256;
    writeFileSync(join(copy, 'test_batch.bin'), test);
    writeFileSync(join(root, 'README.md'), '# CIFAR-10 (JPEG-q75 stand-in), canonical binary layout\n');
    expect(loadCifar10({ dataDir: root, env: {} }).label).toBe('CIFAR-10');
  });

  it('is recognised through a symlink too', () => {
    const root = temp();
    mkdirSync(join(root, 'x'));
    symlinkSync(CIFAR10_STAND_IN_DIR, join(root, 'x', 'cifar-10-batches-bin'));
    expect(loadCifar10({ dataDir: join(root, 'x'), env: {} }).label).toBe('CIFAR-10 (JPEG-q75 stand-in)');
  });
});
