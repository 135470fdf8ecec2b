import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendResult } from './appendResult.ts';
import { readResults } from './readResults.ts';
import { taskKey } from './taskKey.ts';
import type { ResultRecord } from './types.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vv-results-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function rec(rep: number, loss = rep / 2): ResultRecord {
  const task = { rep };
  return { key: taskKey(task), seed: 100 + rep, task, result: { loss } };
}

describe('appendResult + readResults', () => {
  it('appends one whole line per record and reads them back in order', () => {
    const path = join(dir, 'results.jsonl');
    for (const r of [rec(0), rec(1), rec(2)]) appendResult(path, r);
    expect(readFileSync(path, 'utf8')).toBe(`${[rec(0), rec(1), rec(2)].map((r) => JSON.stringify(r)).join('\n')}\n`);
    expect(readResults(path)).toEqual([rec(0), rec(1), rec(2)]);
  });

  it('rejects a record whose key is not its task’s', () => {
    expect(() => appendResult(join(dir, 'r.jsonl'), { ...rec(0), key: '{"rep":1}' })).toThrow(/record\.key "\{\\"rep\\":1\}" is not taskKey\(record\.task\)/);
  });

  it('ignores a torn last line (no newline, or an invalid last line) with a warning', () => {
    const path = join(dir, 'results.jsonl');
    appendResult(path, rec(0));
    appendResult(path, rec(1));
    const half = JSON.stringify(rec(2)).slice(0, 20);
    appendFileSync(path, half);
    const warnings: string[] = [];
    expect(readResults(path, { onWarning: (w) => warnings.push(w) })).toEqual([rec(0), rec(1)]);
    expect(warnings).toEqual([expect.stringMatching(/torn last line \(line 3 has no trailing newline\)/)]);

    appendFileSync(path, '\n'); // the half line now ends in a newline but is still not a record
    warnings.length = 0;
    expect(readResults(path, { onWarning: (w) => warnings.push(w) })).toEqual([rec(0), rec(1)]);
    expect(warnings).toEqual([expect.stringMatching(/line 3 is not valid JSON/)]);
  });

  it('throws naming the line when a line before the last is torn', () => {
    const path = join(dir, 'results.jsonl');
    writeFileSync(path, `${JSON.stringify(rec(0))}\n${JSON.stringify(rec(1)).slice(0, 15)}\n${JSON.stringify(rec(2))}\n`);
    expect(() => readResults(path)).toThrow(/line 2 is corrupt \(not valid JSON\)/);
    writeFileSync(path, `${JSON.stringify({ ...rec(0), key: 'x' })}\n${JSON.stringify(rec(1))}\n`);
    expect(() => readResults(path)).toThrow(/line 1 is corrupt \(field key "x" is not the key of its task/);
  });

  it('keeps the FIRST record of a duplicated key, warning whether the copy differed', () => {
    const path = join(dir, 'results.jsonl');
    for (const r of [rec(0), rec(1), rec(0), rec(1, 99)]) appendResult(path, r);
    const warnings: string[] = [];
    expect(readResults(path, { onWarning: (w) => warnings.push(w) })).toEqual([rec(0), rec(1)]);
    expect(warnings).toEqual([expect.stringMatching(/line 3 .* an identical copy; keeping line 1/), expect.stringMatching(/line 4 .* DIFFERENT content; keeping line 2/)]);
  });

  it('reads an empty file as no records and names a missing file', () => {
    writeFileSync(join(dir, 'empty.jsonl'), '');
    expect(readResults(join(dir, 'empty.jsonl'))).toEqual([]);
    expect(() => readResults(join(dir, 'nope.jsonl'))).toThrow(/no results file at .*nope\.jsonl/);
  });
});
