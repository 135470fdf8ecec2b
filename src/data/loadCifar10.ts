import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packagePath } from '../paths/packagePath.ts';
import { CIFAR10_STAND_IN_SHA256 } from './cifar10StandInChecksums.ts';
import { DataError, type Dataset, type Split } from './types.ts';

/** Name of the folder the official `cifar-10-binary.tar.gz` extracts to. */
export const CIFAR10_DIR_NAME = 'cifar-10-batches-bin';

/**
 * The JPEG-q75 stand-in copy (see its README), at `../shared/datasets/cifar-10-jpeg75/cifar-10-batches-bin`
 * relative to the package root (three levels above this file: src/data/ → src/ → root → its parent).
 */
export const CIFAR10_STAND_IN_DIR = packagePath(`../shared/datasets/cifar-10-jpeg75/${CIFAR10_DIR_NAME}`);

/** The six batch files, in the order their records are concatenated. */
export const CIFAR10_TRAIN_FILES = ['data_batch_1.bin', 'data_batch_2.bin', 'data_batch_3.bin', 'data_batch_4.bin', 'data_batch_5.bin'] as const;
export const CIFAR10_TEST_FILE = 'test_batch.bin';

const SIDE = 32;
const PIXELS = 3 * SIDE * SIDE; // 3072
const RECORD = 1 + PIXELS; // 3073

/** Options of {@link loadCifar10}. */
export interface LoadCifar10Options {
  /**
   * The `--data-dir` option: a folder that CONTAINS `cifar-10-batches-bin/` (like `vv data fetch
   * --dest`), or that folder itself (recognised by its `data_batch_1.bin`). Relative paths resolve
   * against `cwd`. When given, it is the only place searched.
   */
  readonly dataDir?: string;
  /** Environment; `VV_DATA_DIR` (same meaning as `dataDir`) is used when `dataDir` is not given. Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Directory the default `./data/cifar-10-batches-bin` and relative paths resolve against; default `process.cwd()`. */
  readonly cwd?: string;
  /** Records per batch file; default 10,000 (30,730,000 bytes a file). Tests use small fake batches. */
  readonly recordsPerFile?: number;
  /** Last fallback, the JPEG-q75 stand-in batches folder; default {@link CIFAR10_STAND_IN_DIR}. */
  readonly standInDir?: string;
}

const isDir = (p: string): boolean => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** `dir/cifar-10-batches-bin` if that is a folder, else `dir` if it holds `data_batch_1.bin`, else null. */
function batchesIn(dir: string): string | null {
  if (isDir(join(dir, CIFAR10_DIR_NAME))) return join(dir, CIFAR10_DIR_NAME);
  if (isDir(dir) && existsSync(join(dir, CIFAR10_TRAIN_FILES[0]))) return dir;
  return null;
}

/** Where the batches are, and every place searched (for the error). */
function locate(o: LoadCifar10Options): { dir: string | null; searched: string[] } {
  const cwd = o.cwd ?? process.cwd();
  const env = o.env ?? process.env;
  const explicit = o.dataDir ?? (env.VV_DATA_DIR !== undefined && env.VV_DATA_DIR !== '' ? env.VV_DATA_DIR : undefined);
  if (explicit !== undefined) {
    const dir = resolve(cwd, explicit);
    const from = o.dataDir !== undefined ? '--data-dir' : 'VV_DATA_DIR';
    return { dir: batchesIn(dir), searched: [`${join(dir, CIFAR10_DIR_NAME)} (${from})`, `${dir} (${from})`] };
  }
  const local = resolve(cwd, 'data', CIFAR10_DIR_NAME);
  const standIn = o.standInDir ?? CIFAR10_STAND_IN_DIR;
  // The stand-in as the issue names it, `../shared/…` from the working directory, and beside the
  // package (the same place when run from the repository root; a clone elsewhere finds it by cwd).
  const candidates: [string, string][] = [[local, 'default ./data']];
  if (o.standInDir === undefined) candidates.push([resolve(cwd, '..', 'shared', 'datasets', 'cifar-10-jpeg75', CIFAR10_DIR_NAME), 'JPEG-q75 stand-in, ../shared from the working directory']);
  candidates.push([standIn, 'JPEG-q75 stand-in']);
  const dir = candidates.map(([d]) => d).find(isDir) ?? null;
  return { dir, searched: candidates.map(([d, why]) => `${d} (${why})`) };
}

/** Reads the batches into one split; `sha256` receives each file's checksum. */
function readBatches(dir: string, files: readonly string[], recordsPerFile: number, sha256: Map<string, string>): Split {
  const count = files.length * recordsPerFile;
  const pixels = new Uint8Array(count * PIXELS);
  const labels = new Uint8Array(count);
  files.forEach((name, f) => {
    const file = join(dir, name);
    const bytes = readFileSync(file);
    sha256.set(name, createHash('sha256').update(bytes).digest('hex'));
    if (bytes.length !== recordsPerFile * RECORD) {
      throw new DataError(`loadCifar10: ${file} is ${bytes.length} bytes, expected ${recordsPerFile * RECORD} (${recordsPerFile} records of ${RECORD} bytes)`);
    }
    for (let r = 0; r < recordsPerFile; r++) {
      const i = f * recordsPerFile + r;
      const label = bytes[r * RECORD]!;
      if (label > 9) throw new DataError(`loadCifar10: ${file} record ${r} has label ${label}, expected 0–9`);
      labels[i] = label;
      pixels.set(bytes.subarray(r * RECORD + 1, (r + 1) * RECORD), i * PIXELS);
    }
  });
  return { count, size: PIXELS, pixels, labels };
}

/**
 * CIFAR-10 (Krizhevsky 2009) from the canonical binary files `data_batch_1.bin` … `data_batch_5.bin`
 * (50,000 training images, in file order) and `test_batch.bin` (10,000): records of 3,073 bytes,
 * a label byte 0–9 then 3,072 pixel bytes — 1,024 red, 1,024 green, 1,024 blue, each 32×32 plane
 * row-major (CHW), kept as in the file.
 *
 * Where: `dataDir`, else `env.VV_DATA_DIR` (each the folder containing `cifar-10-batches-bin/`,
 * or that folder itself; the only place searched when given), else `./data/cifar-10-batches-bin`
 * under `cwd`, else the JPEG-q75 stand-in ({@link CIFAR10_STAND_IN_DIR}). Data whose six files have
 * the stand-in's SHA-256 checksums ({@link CIFAR10_STAND_IN_SHA256}), wherever they lie, are
 * labelled 'CIFAR-10 (JPEG-q75 stand-in)', others 'CIFAR-10'. Every size is checked before any file is
 * read; a dataset is returned whole or not at all.
 *
 * @example const d = loadCifar10({ cwd: '/nowhere' }); // falls back to the stand-in
 * [d.label, d.train.count, d.test.count, d.train.size] // ['CIFAR-10 (JPEG-q75 stand-in)', 50000, 10000, 3072]
 * @throws DataError naming `loadCifar10` and what was expected: no folder found (listing the places
 *   searched), a missing batch file, a file whose size is not 30,730,000 bytes (named, with its
 *   size), a label outside 0–9 (file and record).
 */
export function loadCifar10(options: LoadCifar10Options = {}): Dataset {
  const recordsPerFile = options.recordsPerFile ?? 10000;
  if (!Number.isSafeInteger(recordsPerFile) || recordsPerFile < 1) {
    throw new DataError(`loadCifar10: recordsPerFile must be an integer ≥ 1, got ${recordsPerFile}`);
  }
  const { dir, searched } = locate(options);
  if (dir === null) throw new DataError(`loadCifar10: no ${CIFAR10_DIR_NAME} folder found; searched ${searched.join(', ')}; expected the six .bin files there (vv data fetch cifar10)`);
  const expected = recordsPerFile * RECORD;
  for (const name of [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE]) {
    const file = join(dir, name);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      throw new DataError(`loadCifar10: missing ${file}, expected a file of ${expected} bytes (${recordsPerFile} records of ${RECORD} bytes)`);
    }
    if (size !== expected) throw new DataError(`loadCifar10: ${file} is ${size} bytes, expected ${expected} (${recordsPerFile} records of ${RECORD} bytes)`);
  }
  const sha256 = new Map<string, string>();
  const train = readBatches(dir, CIFAR10_TRAIN_FILES, recordsPerFile, sha256);
  const test = readBatches(dir, [CIFAR10_TEST_FILE], recordsPerFile, sha256);
  // The stand-in by its bytes, wherever it lies (a copy elsewhere is still the stand-in).
  const standIn = Object.entries(CIFAR10_STAND_IN_SHA256).every(([name, sum]) => sha256.get(name) === sum);
  return {
    name: 'cifar10',
    label: standIn ? 'CIFAR-10 (JPEG-q75 stand-in)' : 'CIFAR-10',
    channels: 3,
    height: SIDE,
    width: SIDE,
    train,
    test,
    source: dir,
  };
}

