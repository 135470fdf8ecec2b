/** The digest (hex) of the sources under `root` that `npm run build` compiles (see dist-stamp.mjs). */
export function sourceDigest(root: string): string;
/** Whether `dist` (default `root`/dist) holds a build of the current sources of `root`. */
export function distState(root: string, dist?: string): 'fresh' | 'missing' | 'stale';
