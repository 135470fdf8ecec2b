import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmdirSync, rmSync, renameSync, existsSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { x as extractTar } from 'tar';
import { ensureDirectory } from '../io/ensureDirectory.ts';
import { CIFAR10_DIR_NAME, loadCifar10 } from './loadCifar10.ts';
import { DataError } from './types.ts';

/** The official archive (Krizhevsky's page) and its published MD5. */
export const CIFAR10_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
export const CIFAR10_MD5 = 'c32a1d4ab5d03f1284b67883e8d87530';

/** Options of {@link fetchCifar10}. */
export interface FetchCifar10Options {
  /** Archive to download; default {@link CIFAR10_URL}. */
  readonly url?: string;
  /** Folder that receives `cifar-10-batches-bin/` (created if missing); default `./data` (against `cwd`). */
  readonly dest?: string;
  /** Directory a relative `dest` resolves against; default `process.cwd()`. */
  readonly cwd?: string;
  /** Expected MD5 of the archive, lowercase hex; default {@link CIFAR10_MD5}. */
  readonly md5?: string;
  /** Download again and replace an existing complete folder. Default false. */
  readonly force?: boolean;
  /** Bytes received so far, and the total from Content-Length (undefined when the server sends none). */
  readonly onProgress?: (received: number, total: number | undefined) => void;
  /**
   * Checks an extracted `cifar-10-batches-bin` folder, throwing when it is not a complete copy;
   * default `loadCifar10({ dataDir: dir })` (six files of exactly 30,730,000 bytes, labels 0–9).
   * Tests pass one with small `recordsPerFile`.
   */
  readonly validate?: (dir: string) => unknown;
}

/** What {@link fetchCifar10} did. */
export interface FetchCifar10Result {
  /** 'exists': a complete copy was already there, nothing downloaded; 'downloaded': fetched, verified, extracted. */
  readonly status: 'exists' | 'downloaded';
  /** The `cifar-10-batches-bin` folder. */
  readonly dir: string;
  /** Archive bytes downloaded (0 when 'exists'). */
  readonly bytes: number;
  /** MD5 of the downloaded archive (verified), or null when 'exists'. */
  readonly md5: string | null;
}

const message = (e: unknown): string => {
  if (!(e instanceof Error)) return String(e);
  const cause = e.cause instanceof Error ? `: ${e.cause.message}` : '';
  return `${e.message}${cause}`;
};

/** Streams `url` into `file`, hashing as it goes; DataError on HTTP errors, early ends or length mismatch. */
async function download(url: string, file: string, onProgress: FetchCifar10Options['onProgress']): Promise<{ bytes: number; md5: string }> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DataError(`fetchCifar10: download of ${url} failed (${message(error)})`);
  }
  if (!response.ok || response.body === null) {
    throw new DataError(`fetchCifar10: ${url} answered HTTP ${response.status} ${response.statusText}, expected 200 with the archive`);
  }
  const header = response.headers.get('content-length');
  const total = header !== null && /^\d+$/.test(header) ? Number(header) : undefined;
  const hash = createHash('md5');
  const out = await open(file, 'wx');
  let received = 0;
  try {
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        hash.update(chunk);
        await out.write(chunk);
        received += chunk.length;
        onProgress?.(received, total);
      }
    } catch (error) {
      throw new DataError(`fetchCifar10: download of ${url} ended early after ${received} of ${total ?? 'an unknown number of'} bytes (${message(error)})`);
    }
  } finally {
    await out.close();
  }
  if (total !== undefined && received !== total) {
    throw new DataError(`fetchCifar10: download of ${url} is truncated: got ${received} bytes, expected ${total} (Content-Length)`);
  }
  return { bytes: received, md5: hash.digest('hex') };
}

/**
 * `vv data fetch cifar10`: the project's only network access. Downloads the CIFAR-10 binary archive
 * into a temporary folder inside `dest` (streamed, MD5 computed on the way), verifies the MD5,
 * extracts it (npm `tar`) in that temporary folder, validates the extracted `cifar-10-batches-bin`
 * there, and only then renames it into place as `dest/cifar-10-batches-bin` (one rename; an old
 * folder being replaced is moved aside first and removed after). On any failure the temporary
 * folder is removed, and `dest` too if this call created it: `dest` never holds partial output.
 * An existing folder that passes `validate` is kept and nothing is downloaded, unless `force`.
 *
 * @example await fetchCifar10({ dest: './data' })
 * // { status: 'downloaded', dir: '/…/data/cifar-10-batches-bin', bytes: 170052171, md5: 'c32a1d4ab5d03f1284b67883e8d87530' }
 * @throws DataError naming `fetchCifar10` and what was expected: `dest` not creatable, HTTP error,
 *   download ended early or shorter than Content-Length, 'checksum mismatch: got X, expected Y',
 *   archive not extractable or without `cifar-10-batches-bin/`; or the validation's DataError.
 */
export async function fetchCifar10(options: FetchCifar10Options = {}): Promise<FetchCifar10Result> {
  const url = options.url ?? CIFAR10_URL;
  const expectedMd5 = (options.md5 ?? CIFAR10_MD5).toLowerCase();
  const dest = resolve(options.cwd ?? process.cwd(), options.dest ?? './data');
  const validate = options.validate ?? ((dir: string) => loadCifar10({ dataDir: dir }));
  const target = join(dest, CIFAR10_DIR_NAME);

  if (!options.force && existsSync(target)) {
    try {
      await validate(target);
      return { status: 'exists', dir: target, bytes: 0, md5: null };
    } catch {
      // Incomplete or damaged: download again and replace it.
    }
  }

  let firstCreated: string | undefined;
  let work: string;
  try {
    firstCreated = ensureDirectory(dest, '--dest')[0];
    work = mkdtempSync(join(dest, '.cifar10-download-'));
  } catch (error) {
    throw new DataError(`fetchCifar10: cannot use ${dest} as the destination (${message(error)}), expected a writable directory`);
  }
  try {
    const archive = join(work, 'cifar-10-binary.tar.gz');
    const { bytes, md5 } = await download(url, archive, options.onProgress);
    if (md5 !== expectedMd5) throw new DataError(`fetchCifar10: checksum mismatch: got ${md5}, expected ${expectedMd5} (MD5 of ${url}, ${bytes} bytes)`);
    const extracted = join(work, 'extracted');
    mkdirSync(extracted);
    try {
      await extractTar({ file: archive, cwd: extracted, strict: true });
    } catch (error) {
      throw new DataError(`fetchCifar10: ${url} could not be extracted (${message(error)}), expected a .tar.gz archive`);
    }
    rmSync(archive);
    const batches = join(extracted, CIFAR10_DIR_NAME);
    if (!existsSync(batches)) throw new DataError(`fetchCifar10: the archive from ${url} has no ${CIFAR10_DIR_NAME}/ folder, expected the official layout`);
    try {
      await validate(batches);
    } catch (error) {
      throw new DataError(`fetchCifar10: the archive from ${url} is not a complete copy (${message(error)})`);
    }
    if (existsSync(target)) renameSync(target, join(work, 'previous'));
    renameSync(batches, target);
    rmSync(work, { recursive: true, force: true });
    return { status: 'downloaded', dir: target, bytes, md5 };
  } catch (error) {
    rmSync(work, { recursive: true, force: true });
    // Remove the folders this call created, deepest first (rmdir refuses non-empty ones).
    for (let d = dest; firstCreated !== undefined && d.startsWith(firstCreated); d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break;
      }
      if (d === firstCreated) break;
    }
    throw error instanceof DataError ? error : new DataError(`fetchCifar10: ${message(error)}`);
  }
}
