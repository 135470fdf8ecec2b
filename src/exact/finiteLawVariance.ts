/** One atom of a finite law in float64: the value and its probability. */
export interface FiniteLawAtom {
  readonly value: number;
  readonly p: number;
}

/**
 * Var f(X) of a finite law X (atoms `value` with probabilities `p`, summing to 1), by two float64
 * passes over the atoms: the mean m = Σ p·f(v), then Σ p·(f(v) − m)². `f` defaults to the
 * identity (Var X). No rounding guard: callers state their own tolerance.
 *
 * @example finiteLawVariance([{ value: -1, p: 0.5 }, { value: 1, p: 0.5 }]) // 1
 * @example finiteLawVariance([{ value: -1, p: 0.5 }, { value: 1, p: 0.5 }], (x) => 2 * x) // 4
 */
export function finiteLawVariance(law: readonly FiniteLawAtom[], f: (x: number) => number = (x) => x): number {
  const m = law.reduce((s, a) => s + a.p * f(a.value), 0);
  return law.reduce((s, a) => s + a.p * (f(a.value) - m) ** 2, 0);
}
