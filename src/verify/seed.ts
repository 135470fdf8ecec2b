/**
 * Derives a check's own 32-bit seed from the run seed and the check id (FNV-1a over the id,
 * mixed with the run seed), so that adding or reordering checks never changes another check's cases.
 *
 * @example deriveSeed(42, 'lemma-1/statement') // always the same integer in [0, 2^31)
 */
export function deriveSeed(runSeed: number, checkId: string): number {
  let h = 0x811c9dc5 ^ (runSeed >>> 0);
  for (let i = 0; i < checkId.length; i++) {
    h ^= checkId.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

/** The seed used when none is given: fixed so that CI runs are reproducible. */
export const DEFAULT_SEED = 20261124;
