import { describe, expect, it } from 'vitest';
import { parseShard } from './parseShard.ts';

describe('parseShard', () => {
  it('parses k/n', () => {
    expect(parseShard('2/5')).toEqual({ index: 2, count: 5 });
    expect(parseShard('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseShard(' 3 / 3 ')).toEqual({ index: 3, count: 3 });
  });

  it('rejects bad shards with a message saying what is wrong', () => {
    expect(() => parseShard('0/3')).toThrow(/shard index k must be in 1\.\.3, got 0/);
    expect(() => parseShard('4/3')).toThrow(/shard index k must be in 1\.\.3, got 4/);
    expect(() => parseShard('1/0')).toThrow(/shard count n must be an integer ≥ 1, got 0/);
    expect(() => parseShard('a/b')).toThrow(/--shard must be k\/n .* got 'a\/b'/);
    expect(() => parseShard('2')).toThrow(/got '2'/);
    expect(() => parseShard('-1/3')).toThrow(/got '-1\/3'/);
  });
});
