import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type MainIO } from '../../src/cli/main.ts';
import { exactCheck } from '../../src/verify/exactCheck.ts';
import { propertyCheck } from '../../src/verify/propertyCheck.ts';
import type { StatementSpec } from '../../src/verify/types.ts';

/** Runs `main` in-process with collected stdout/stderr. */
export async function runMain(argv: string[], io: Omit<MainIO, 'stdout' | 'stderr'> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    ...io,
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

const created: string[] = [];

/** A fresh empty directory under the OS temp dir (removed by `cleanupTempDirs`). */
export function tempDir(prefix = 'vv-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** Every entry under `dir`, recursively (relative paths). */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

/**
 * Fake statements with trivial checks: `fake-a` holds (exact + float property), `fake-b`'s
 * statement is refuted by a property (n < 50 over 0..1000) and its corrected statement holds.
 */
export function fakeStatements(): StatementSpec[] {
  return [
    {
      id: 'fake-a',
      title: 'A true statement',
      statement: 'One half is one half.',
      checks: [
        exactCheck({
          id: 'fake-a/exact',
          role: 'statement',
          source: 'eq. (1)',
          description: '1/2 = 0.5',
          evaluate: () => ({ holds: 1 / 2 === 0.5, evidence: '1/2 = 0.5' }),
        }),
        propertyCheck({
          id: 'fake-a/float',
          role: 'step',
          kind: 'float',
          source: 'proof, line 1',
          description: 'x + 0 = x',
          arbitrary: fc.double({ noNaN: true }),
          predicate: (x) => x + 0 === x,
        }),
      ],
    },
    {
      id: 'fake-b',
      title: 'A false statement | with a pipe',
      statement: 'Every integer in [0, 1000] is below 50.\nSecond line.',
      checks: [
        propertyCheck({
          id: 'fake-b/statement',
          role: 'statement',
          kind: 'exact',
          source: 'Lemma 9',
          description: 'n < 50',
          arbitrary: fc.integer({ min: 0, max: 1000 }),
          predicate: (n) => n < 50,
          explain: (n) => `n = ${n}`,
        }),
        propertyCheck({
          id: 'fake-b/corrected',
          role: 'corrected',
          kind: 'exact',
          source: 'corrected',
          description: 'n <= 1000',
          arbitrary: fc.integer({ min: 0, max: 1000 }),
          predicate: (n) => n <= 1000,
        }),
      ],
      corrected: { statement: 'Every integer in [0, 1000] is at most 1000.' },
    },
  ];
}
