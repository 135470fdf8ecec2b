/**
 * Neumaier's compensated summation (Neumaier 1974, "Rundungsfehleranalyse einiger Verfahren zur
 * Summation endlicher Summen", ZAMM 54) on pairs [sum, compensation] stored at a[i], a[i+1]:
 * the value is a[i] + a[i+1], with an error bound of 2u·Σ|x| independent of the number of terms
 * (u = 2⁻⁵³), against (n−1)u·Σ|x| for plain summation.
 */

/** a[i..i+1] += x. */
export function neumaierAdd(a: Float64Array, i: number, x: number): void {
  const s = a[i];
  const t = s + x;
  a[i + 1] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  a[i] = t;
}

/** a[i..i+1] += the pair (sum, compensation): exact merging of two compensated sums. */
export function neumaierAddPair(a: Float64Array, i: number, sum: number, compensation: number): void {
  neumaierAdd(a, i, sum);
  a[i + 1] += compensation;
}

/** The value a[i] + a[i+1] of a pair. */
export function neumaierValue(a: Float64Array, i: number): number {
  return a[i] + a[i + 1];
}
