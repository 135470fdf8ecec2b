/** The seeds one MetaInit attempt uses. */
export interface AttemptSeeds {
  /** Seed of `buildNetwork`'s He-normal draw (attempt 0: the caller's seed itself). */
  readonly he: number;
  /** 32-bit seed of the xoroshiro128+ generator of the attempt's inputs and labels. */
  readonly data: number;
}

/**
 * Seeds of MetaInit attempt `attempt` (0 = first try, k = k-th restart) derived from the caller's
 * seed: attempt 0 draws its He-normal matrices with the seed itself (so
 * `buildNetwork({ initialiser: INITIALISERS['he-normal'], seed })` reproduces them); every other
 * stream is a murmur3 finaliser (fmix32) of (seed, stream, attempt), in [0, 2^31), so that
 * restarts and the data never share a generator with the first draw.
 *
 * @example attemptSeeds(7, 0).he // 7
 * @example attemptSeeds(7, 1) // { he: 843055952, data: 1762275344 }
 */
export function attemptSeeds(seed: number, attempt: number): AttemptSeeds {
  return { he: attempt === 0 ? seed : mix(seed, 1, attempt), data: mix(seed, 2, attempt) };
}

function mix(seed: number, stream: number, attempt: number): number {
  let h = fmix32((seed >>> 0) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.floor(seed / 2 ** 32));
  h = fmix32(h ^ Math.imul(stream, 0x85ebca6b));
  h = fmix32(h ^ Math.imul(attempt + 1, 0xc2b2ae35));
  return h & 0x7fffffff;
}

function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
