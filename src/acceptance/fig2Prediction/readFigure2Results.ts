import { readFileSync } from 'node:fs';

/**
 * Each layer's empirical variances over the networks of one initialiser, from a Figure 2 run's
 * `results.jsonl` (`vv fig2`: one line per block of networks, `result.variances[network][layer]`),
 * blocks in order. Index = layer.
 *
 * @example readFigure2Results('runs/fig2/results.jsonl', 'he-normal')[100].length // 7000 at reduced scale
 * @throws Error (one line, naming the file and line) when the file cannot be read, a line is not
 *   JSON, a block's rows have different lengths, or the initialiser has no records.
 */
export function readFigure2Results(path: string, init: string): Float64Array[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const blocks: { block: number; rows: number[][] }[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    let record: { task?: { figure?: unknown; init?: unknown; block?: unknown }; result?: { variances?: unknown } };
    try {
      record = JSON.parse(line) as typeof record;
    } catch {
      throw new Error(`${path}: line ${i + 1} is not valid JSON`);
    }
    if (record.task?.figure !== 'fig2' || record.task.init !== init) continue;
    const rows = record.result?.variances;
    if (!Array.isArray(rows) || typeof record.task.block !== 'number') throw new Error(`${path}: line ${i + 1} has no result.variances or task.block`);
    blocks.push({ block: record.task.block, rows: rows as number[][] });
  }
  if (blocks.length === 0) throw new Error(`${path}: no Figure 2 records for ${init}`);
  blocks.sort((a, b) => a.block - b.block);
  const networks = blocks.flatMap((b) => b.rows);
  const layers = networks[0]!.length;
  const out = Array.from({ length: layers }, () => new Float64Array(networks.length));
  networks.forEach((row, k) => {
    if (!Array.isArray(row) || row.length !== layers) throw new Error(`${path}: network ${k} of ${init} has ${Array.isArray(row) ? row.length : 'no'} layers, expected ${layers}`);
    row.forEach((v, l) => (out[l]![k] = typeof v === 'number' ? v : Number.NaN));
  });
  return out;
}
