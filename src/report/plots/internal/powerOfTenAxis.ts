/**
 * A vega expression that prints a tick value 10^k as `10ᵏ` with superscript digits (10⁰, 10³,
 * 10⁻⁶, …). It rounds log10 of the value, so it is meant for ticks placed at exact powers of ten
 * (`powerOfTenAxis` puts them there).
 */
export const POWER_OF_TEN_LABEL = (() => {
  const digits: [string, string][] = [
    ['0', '⁰'], ['1', '¹'], ['2', '²'], ['3', '³'], ['4', '⁴'],
    ['5', '⁵'], ['6', '⁶'], ['7', '⁷'], ['8', '⁸'], ['9', '⁹'], ['-', '⁻'], ['−', '⁻'],
  ];
  let expr = "format(round(log(datum.value) / LN10), 'd')";
  for (const [from, to] of digits) expr = `replace(${expr}, regexp('${from}', 'g'), '${to}')`;
  return `'10' + ${expr}`;
})();

/**
 * A log-scale domain from whole decades and its tick values, every `step` decades so that at most
 * `maxTicks` labels are drawn: the axis covers [10^lo, 10^hi] with lo = ⌊log10 min⌋ and
 * hi = ⌈log10 max⌉ (widened to `include` exponents when given), ticks at 10^lo, 10^(lo+step), … with step the first of
 * 1, 2, 3, 4, 5, 6, 8, 10, … that fits and lo, hi widened to multiples of it.
 * With `axis` it also returns the vega-lite axis settings: those ticks, labelled by
 * `POWER_OF_TEN_LABEL`, none hidden.
 *
 * @example
 * powerOfTenAxis({ min: 2, max: 3e15, maxTicks: 9 }).values; // [1, 100, 1e4, …, 1e16] (step 2)
 */
export function powerOfTenAxis(options: { min: number; max: number; maxTicks?: number; include?: readonly number[] }) {
  const maxTicks = options.maxTicks ?? 9;
  let lo = Math.floor(Math.log10(options.min) + 1e-9);
  let hi = Math.ceil(Math.log10(options.max) - 1e-9);
  for (const k of options.include ?? []) {
    lo = Math.min(lo, k);
    hi = Math.max(hi, k);
  }
  if (hi <= lo) hi = lo + 1;
  const need = (hi - lo) / (maxTicks - 1);
  const step = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 50, 100].find((s) => s >= need) ?? Math.ceil(need);
  // Align the ticks to multiples of the step so 10⁰ is a tick whenever it is in range.
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const values: number[] = [];
  for (let k = lo; k <= hi; k += step) values.push(decade(k));
  return {
    domain: [decade(lo), decade(hi)] as [number, number],
    values,
    axis: { values, labelExpr: POWER_OF_TEN_LABEL, labelOverlap: false, tickCount: values.length, grid: true },
  };
}

/** 10^k exactly as the literal `1e<k>` parses (`10 ** -4` is 0.00009999999999999999). */
export function decade(k: number): number {
  return Number(`1e${k}`);
}
