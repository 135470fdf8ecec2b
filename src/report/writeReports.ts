import { join, resolve } from 'node:path';
import { writeFilesAtomic } from './atomicWrite.ts';
import { reportToMarkdown } from './markdown.ts';
import type { VerificationReport } from './runVerification.ts';
import { reportToJson } from './serialize.ts';

export const REPORT_JSON = 'verification.json';
export const REPORT_MARKDOWN = 'verification.md';

/**
 * Writes `verification.json` and `verification.md` into `outDir` (created if missing), each
 * atomically: to a temp file in `outDir`, then renamed. Returns the two paths.
 */
export function writeVerificationReports(report: VerificationReport, outDir: string): { json: string; markdown: string } {
  const dir = resolve(outDir);
  const json = join(dir, REPORT_JSON);
  const markdown = join(dir, REPORT_MARKDOWN);
  writeFilesAtomic([
    { path: json, content: reportToJson(report) },
    { path: markdown, content: reportToMarkdown(report) },
  ]);
  return { json, markdown };
}
