import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../report/atomicWrite.ts';
import { compareKeys } from './canonicalOrder.ts';
import { parseResultsText } from './parseResultsText.ts';

/**
 * Rewrites a complete results file with its lines in canonical (ascending key) order, lines
 * copied verbatim, atomically (temp file, then rename); a no-op when already in order. Used when
 * a run completes after concurrent or resumed appends, so that the final file is the one an
 * uninterrupted sequential run writes.
 */
export function sortResultsFile(path: string): void {
  const parsed = parseResultsText(readFileSync(path, 'utf8'), path);
  const lines = [...parsed.lines];
  const sorted = [...lines].sort((a, b) => compareKeys(a.record.key, b.record.key));
  if (sorted.every((l, i) => l === lines[i]) && parsed.torn === null) return;
  writeFileAtomic(path, sorted.map((l) => `${l.text}\n`).join(''));
}
