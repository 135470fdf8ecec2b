import { parseFiniteNumber, parseInteger, parseKurtosis, parseWidthList, UsageError } from './args.ts';
import { kurtosisJson, kurtosisTable, kurtosisText, type KurtosisTableParameters } from './kurtosis.ts';

/** `vv kurtosis` options as commander gives them (all strings, validated here). */
export interface KurtosisOptions {
  readonly width?: string;
  readonly widths?: string;
  readonly depth?: string;
  readonly slope: string;
  readonly weightKurtosis: string;
  readonly inputKurtosis: string;
  readonly inputCov: string;
  readonly variance: string;
  readonly samples: string;
  readonly json?: boolean;
}

/** The deepest table `vv kurtosis` prints (a row per layer; κ overflows a double long before at width ≥ 2). */
export const MAX_KURTOSIS_DEPTH = 100_000;

/** Validates the options into table parameters; throws `UsageError` naming the bad argument. */
export function kurtosisParameters(o: KurtosisOptions): KurtosisTableParameters {
  if (o.width !== undefined && o.widths !== undefined) throw new UsageError('give either --width or --widths, not both');
  if (o.width === undefined && o.widths === undefined) throw new UsageError('one of --width or --widths is required');
  if (o.depth === undefined) throw new UsageError('--depth is required');
  const depth = parseInteger(o.depth, '--depth', 0);
  if (depth > MAX_KURTOSIS_DEPTH) throw new UsageError(`--depth must be <= ${MAX_KURTOSIS_DEPTH} (one table row per layer), got ${depth}`);
  let widths: number[];
  if (o.width !== undefined) {
    widths = new Array<number>(depth + 1).fill(parseInteger(o.width, '--width', 1));
  } else {
    widths = parseWidthList(o.widths!, '--widths');
    if (widths.length < depth) throw new UsageError(`--widths has ${widths.length} entries but --depth is ${depth}; need at least ${depth}`);
    if (widths.length > depth + 1) {
      throw new UsageError(`--widths has ${widths.length} entries but --depth is ${depth}; give ${depth} or ${depth + 1} (the last layer's width)`);
    }
  }
  const slope = parseFiniteNumber(o.slope, '--slope');
  const weightKurtosis = parseKurtosis(o.weightKurtosis, '--weight-kurtosis');
  const inputKurtosis = parseKurtosis(o.inputKurtosis, '--input-kurtosis');
  const inputCov = parseFiniteNumber(o.inputCov, '--input-cov');
  const variance = parseFiniteNumber(o.variance, '--variance');
  if (!(variance > 0)) throw new UsageError(`--variance must be > 0, got ${variance}`);
  // E[x_i²x_j²] ≥ 0 gives c_0 ≥ −σ⁴; Cauchy–Schwarz with Var[x_i²] = (κ_0 − 1)σ⁴ gives |c_0| ≤ (κ_0 − 1)σ⁴.
  const s4 = variance * variance;
  const [lo, hi] = [Math.max(-s4, -(inputKurtosis - 1) * s4), (inputKurtosis - 1) * s4];
  if (!(inputCov >= lo && inputCov <= hi)) {
    throw new UsageError(`--input-cov must be in [${lo}, ${hi}] (c_0 = Cov[x_i², x_j²] >= -σ⁴, and |c_0| <= (κ_0 − 1)σ⁴ by Cauchy–Schwarz), got ${inputCov}`);
  }
  const samples = parseInteger(o.samples, '--samples', 2);
  return { widths, depth, slope, weightKurtosis, inputKurtosis, inputCov, variance, samples };
}

/** Runs `vv kurtosis`: prints the per-layer table (or JSON) to stdout; returns 0. */
export function kurtosisCommand(o: KurtosisOptions, stdout: { write(chunk: string): unknown }): number {
  const p = kurtosisParameters(o);
  const rows = kurtosisTable(p);
  stdout.write(o.json ? kurtosisJson(rows) : kurtosisText(rows, p));
  return 0;
}
