import { numberField } from '../algebra/field.ts';
import { probEmpiricalVarianceBelow, propagateKurtosis, spectralRadius } from '../theory/index.ts';

/** The threshold ε of the reported P(S_n²/σ² ≤ ε). */
export const VARIANCE_EPSILON = 1e-3;

export interface KurtosisTableParameters {
  /**
   * Widths w_0, w_1, …: entry l is the fan-in of W^(l+1). Needs at least `depth` entries; entry
   * `depth` (when given) is the width of the last layer, used only for its spectral radius.
   */
  readonly widths: readonly number[];
  readonly depth: number;
  readonly slope: number;
  readonly weightKurtosis: number;
  readonly inputKurtosis: number;
  /** c_0 = Cov[x_i², x_j²] of the input. */
  readonly inputCov: number;
  /** σ_x², the variance preserved by He initialisation. */
  readonly variance: number;
  /** n, the number of samples of the empirical variance S_n². */
  readonly samples: number;
}

export interface KurtosisLayerRow {
  readonly layer: number;
  /** w_l, or null for the last layer when its width was not given. */
  readonly width: number | null;
  readonly kappa: number;
  readonly c: number;
  /**
   * ρ(A^(l)), the spectral radius of the matrix applied to leave layer l (built with width w_l).
   * For the last layer l = depth this is the matrix a further layer of width w_depth would apply:
   * reported when w_depth is known (constant `--width`, or `--widths` with depth + 1 entries),
   * otherwise null.
   */
  readonly spectralRadius: number | null;
  /** P(S_n²/σ² ≤ 1e-3) under the Gamma approximation with kurtosis κ_l; null if not computable. */
  readonly probVarianceBelow: number | null;
}

/**
 * Proposition 3's recursion through `depth` layers with the CLI's derived quantities per layer.
 *
 * @example kurtosisTable({ widths: [2], depth: 1, slope: 0, weightKurtosis: 3, inputKurtosis: 3,
 *   inputCov: 0, variance: 1, samples: 1000 })[1] // { layer: 1, kappa: 10.5, c: 2.5, … }
 */
export function kurtosisTable(p: KurtosisTableParameters): KurtosisLayerRow[] {
  if (p.widths.length < p.depth) throw new Error(`kurtosisTable: need ${p.depth} widths, got ${p.widths.length}`);
  const layers = propagateKurtosis(numberField, {
    widths: p.widths.slice(0, p.depth),
    slope: p.slope,
    weightKurtosis: p.weightKurtosis,
    variance: p.variance,
    kappa0: p.inputKurtosis,
    c0: p.inputCov,
  });
  return layers.map(({ kappa, c }, layer) => {
    const width = layer < p.widths.length ? p.widths[layer]! : null;
    const rho =
      width === null ? null : spectralRadius({ slope: p.slope, width, weightKurtosis: p.weightKurtosis, variance: p.variance });
    let prob: number | null = null;
    try {
      prob = probEmpiricalVarianceBelow({ kurtosis: kappa, n: p.samples, epsilon: VARIANCE_EPSILON });
    } catch {
      prob = null;
    }
    return {
      layer,
      width,
      kappa,
      c,
      spectralRadius: rho !== null && Number.isFinite(rho) ? rho : null,
      probVarianceBelow: prob !== null && Number.isFinite(prob) ? prob : null,
    };
  });
}

/**
 * The first layer whose κ or c is not a finite double (it overflowed, > 1.8e308, and the next
 * layers turn to NaN), or null when every layer is finite.
 */
export function overflowLayer(rows: readonly KurtosisLayerRow[]): number | null {
  const i = rows.findIndex((r) => !Number.isFinite(r.kappa) || !Number.isFinite(r.c));
  return i < 0 ? null : rows[i]!.layer;
}

/** The line that replaces the layers from `from` on, e.g. "kappa or c exceeds the largest double (1.8e+308) from layer 566 on: layers 566–700 are not shown". */
export function overflowMessage(from: number, depth: number): string {
  return `kappa or c exceeds the largest double (1.8e+308) from layer ${from} on: layers ${from}–${depth} are not shown`;
}

/**
 * The `--json` document: `{ "layers": [ { layer, kappa, c, spectralRadius, "probVarianceBelow1e-3" } ],
 * "overflow": null | { fromLayer, message } }`; layers stop before the first one that overflows.
 */
export function kurtosisJson(rows: readonly KurtosisLayerRow[]): string {
  const from = overflowLayer(rows);
  const layers = rows.slice(0, from ?? rows.length).map((r) => ({
    layer: r.layer,
    kappa: r.kappa,
    c: r.c,
    spectralRadius: r.spectralRadius,
    'probVarianceBelow1e-3': r.probVarianceBelow,
  }));
  const depth = rows.length - 1;
  return JSON.stringify({ layers, overflow: from === null ? null : { fromLayer: from, message: overflowMessage(from, depth) } }, null, 2) + '\n';
}

/** A number for the text table: integers as such, else 6 significant digits, exponent form when tiny or huge. */
export function formatNumber(x: number | null): string {
  if (x === null) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e12) return String(x);
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e9) return String(Number(x.toPrecision(6)));
  return x.toExponential(5).replace(/\.?0+e/, 'e');
}

/** The text table: one aligned row per layer, numbers right-aligned; a last line instead of the layers that overflow. */
export function kurtosisText(rows: readonly KurtosisLayerRow[], p: KurtosisTableParameters): string {
  const header = ['layer', 'width', 'kappa', 'c', 'rho(A)', `P(S²/σ² <= ${VARIANCE_EPSILON})`];
  const from = overflowLayer(rows);
  const body = rows.slice(0, from ?? rows.length).map((r) => [
    String(r.layer),
    formatNumber(r.width),
    formatNumber(r.kappa),
    formatNumber(r.c),
    formatNumber(r.spectralRadius),
    formatNumber(r.probVarianceBelow),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  const params =
    `slope a = ${p.slope}, weight kurtosis κ_w = ${p.weightKurtosis}, κ_0 = ${p.inputKurtosis}, ` +
    `c_0 = ${p.inputCov}, σ² = ${p.variance}, n = ${p.samples}`;
  const tail = from === null ? [] : [overflowMessage(from, rows.length - 1)];
  return [params, '', line(header), ...body.map(line), ...tail].join('\n') + '\n';
}
