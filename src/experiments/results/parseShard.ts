/** One of `count` disjoint slices of a grid, `index` 1-based (CLI `--shard index/count`). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/**
 * Parses the CLI's `--shard k/n`: k and n decimal integers with 1 ≤ k ≤ n.
 *
 * @example parseShard('2/5') // { index: 2, count: 5 }
 * @throws Error quoting the text and saying which part is wrong ('0/3', '4/3', 'a/b').
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new Error(`--shard must be k/n with integers 1 ≤ k ≤ n (e.g. 2/5), got '${text}'`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`--shard '${text}': the shard count n must be an integer ≥ 1, got ${match[2]}`);
  if (!Number.isSafeInteger(index) || index < 1 || index > count) throw new Error(`--shard '${text}': the shard index k must be in 1..${count}, got ${match[1]}`);
  return { index, count };
}
