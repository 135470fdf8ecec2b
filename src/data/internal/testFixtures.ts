// Test-only helpers of src/data (fake CIFAR-10 batches, tar.gz archives, a local HTTP server).
// Never imported by the library.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { c as createTar } from 'tar';
import { CIFAR10_DIR_NAME, CIFAR10_TEST_FILE, CIFAR10_TRAIN_FILES } from '../loadCifar10.ts';

export const RECORD = 3073;

/** Byte k of image i's 3,072 pixels in a fake batch: a pattern that differs between images and channels. */
export const fakePixel = (i: number, k: number): number => (i * 31 + k * 7 + (k >> 10) * 101) % 256;

/**
 * Writes `root/cifar-10-batches-bin/` with the six files of `records` records each (image i of
 * the whole set, train then test, has label i mod 10 and pixels {@link fakePixel}) and
 * batches.meta.txt. Returns the batches folder.
 */
export function writeFakeCifar10(root: string, records: number): string {
  const dir = join(root, CIFAR10_DIR_NAME);
  mkdirSync(dir, { recursive: true });
  [...CIFAR10_TRAIN_FILES, CIFAR10_TEST_FILE].forEach((name, f) => {
    const bytes = new Uint8Array(records * RECORD);
    for (let r = 0; r < records; r++) {
      const i = f * records + r;
      bytes[r * RECORD] = i % 10;
      for (let k = 0; k < 3072; k++) bytes[r * RECORD + 1 + k] = fakePixel(i, k);
    }
    writeFileSync(join(dir, name), bytes);
  });
  writeFileSync(join(dir, 'batches.meta.txt'), 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n');
  return dir;
}

/** A .tar.gz of `entries` (paths relative to `root`), and its MD5. */
export async function makeArchive(root: string, entries: string[], file: string): Promise<{ bytes: Buffer; md5: string }> {
  await createTar({ gzip: true, cwd: root, file, portable: true }, entries);
  const bytes = readFileSync(file);
  return { bytes, md5: createHash('md5').update(bytes).digest('hex') };
}

/** How a route is served: whole, cut after half the bytes (socket destroyed), or as HTTP 404. */
export interface Route {
  readonly body: Uint8Array;
  readonly mode?: 'ok' | 'truncate' | 'not-found';
}

/** A node:http server on 127.0.0.1 (random port) serving `routes`; counts requests. */
export async function serve(routes: Readonly<Record<string, Route>>): Promise<{ url(path: string): string; hits(): number; close(): Promise<void> }> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    const route = routes[req.url ?? ''];
    if (route === undefined || route.mode === 'not-found') {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': String(route.body.length) });
    if (route.mode === 'truncate') {
      res.write(route.body.subarray(0, route.body.length >> 1), () => setTimeout(() => res.socket?.destroy(), 20));
      return;
    }
    res.end(route.body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits: () => hits,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
