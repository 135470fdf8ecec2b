/** Internal identifiers that reach report texts, and the words a reader should see instead. */
const LABELS: readonly [RegExp, string][] = [
  [/\brawUnitGain\b/g, 'raw c₀ at unit gain (v = 1/d)'],
  [/\bminPower\b/g, 'the required power'],
];

/** Significant digits of a decimal literal (leading zeros and the exponent excluded). */
function significantDigits(literal: string): number {
  const mantissa = literal.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}

/** `1 − p` in two significant digits, from a coverage written as a fraction (0.99999998701…). */
const complement = (coverage: number): string => {
  const alpha = 1 - coverage;
  return alpha >= 1e-3 ? String(Number(alpha.toPrecision(2))) : alpha.toExponential(1).replace('.0e', 'e');
};

/**
 * A check's text (counterexample, evidence, reason) for people: an interval's coverage said in
 * plain terms ("0.9999999870 interval" and "99.9999987012987% interval" become "interval that
 * covers the true value with probability 1 − 1.3e-8"), internal names replaced by labels
 * (`rawUnitGain` → "raw c₀ at unit gain (v = 1/d)"), and every decimal with more than 5
 * significant digits rounded to 4 (`0.4993906607916818` → `0.4994`, `-222.5709119251438` →
 * `-222.6`). Integers, fractions of integers and short decimals are left as they are. The JSON
 * report keeps the full values.
 *
 * @example readableText('estimate 0.4993906607916818, 0.9999999870 interval [0.48469916772401583, 0.51408]')
 * // 'estimate 0.4994, interval that covers the true value with probability 1 − 1.3e-8 [0.4847, 0.51408]'
 */
export function readableText(text: string): string {
  let out = text
    .replace(/(\d+(?:\.\d+)?)% interval/g, (_m, p: string) => `interval that covers the true value with probability 1 − ${complement(Number(p) / 100)}`)
    .replace(/\b(0\.\d+) interval/g, (_m, p: string) => `interval that covers the true value with probability 1 − ${complement(Number(p))}`);
  for (const [pattern, label] of LABELS) out = out.replace(pattern, label);
  return out.replace(/(?<![\w.])-?\d+\.\d+(?:e[+-]?\d+)?(?![\w.])/gi, (literal) => {
    if (significantDigits(literal) <= 5) return literal;
    const x = Number(literal);
    const a = Math.abs(x);
    return a !== 0 && (a < 1e-4 || a >= 1e9) ? x.toExponential(3).replace(/\.?0+e/, 'e') : String(Number(x.toPrecision(4)));
  });
}
