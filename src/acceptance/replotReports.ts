import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { writeSvg } from '../report/plots/index.ts';
import { summaryFigures } from './summaryFigures.ts';

/**
 * `npm run replot -- SUMMARY.json…`: re-draws committed reports from their `summary.json` (no
 * results.jsonl needed), with today's figure code: each figure's SVG and PNG go where its SVG
 * already is (the summary's folder, or its parent as `vv acceptance` lays them out; else the
 * summary's folder). The data set label is the summary's `datasetLabel` when it has one, else
 * the one printed in the existing SVG ("Dataset: … ."), else `--dataset-label`. Prints each file
 * written; one line and exit 2 on a missing or unreadable summary.
 *
 * @example await replotReports(['reports/fig2-paper/summary.json']); // 0; writes reports/fig2-paper/fig2.{svg,png}
 */
export async function replotReports(args: readonly string[]): Promise<number> {
  let fallbackLabel: string | undefined;
  const paths: string[] = [];
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--dataset-label') fallbackLabel = args[++i];
    else paths.push(args[i]!);
  }
  if (paths.length === 0) {
    process.stderr.write('vv-replot: error: give one or more summary.json files\n');
    return 2;
  }
  for (const path of paths) {
    let summary: Record<string, any>;
    try {
      summary = JSON.parse(readFileSync(path, 'utf8'));
    } catch (e) {
      process.stderr.write(`vv-replot: error: cannot read ${path}: ${(e as Error).message.split('\n')[0]}\n`);
      return 2;
    }
    const here = dirname(path);
    // The file names do not depend on the label: learn them first, then find the existing SVGs.
    const names = summaryFigures({ summary, datasetLabel: 'unknown' }).map((f) => f.file);
    const dir = [here, dirname(here)].find((d) => names.some((n) => existsSync(join(d, n)))) ?? here;
    const existing = names.map((n) => join(dir, n)).find((p) => existsSync(p));
    const printed = existing === undefined ? undefined : /Dataset: (.+?)\. /.exec(readFileSync(existing, 'utf8'))?.[1];
    const label = typeof summary.datasetLabel === 'string' ? summary.datasetLabel : (printed ?? fallbackLabel);
    if (label === undefined) {
      process.stderr.write(`vv-replot: error: ${path}: no data set label in the summary or an existing SVG; pass --dataset-label\n`);
      return 2;
    }
    const figures = summaryFigures({ summary, datasetLabel: label }).map((f) => ({ ...f, path: join(dir, f.file) }));
    for (const f of figures) {
      await writeSvg({ spec: f.spec, path: f.path });
      process.stdout.write(`${f.path} (and .png) from ${path}\n`);
    }
  }
  return 0;
}
