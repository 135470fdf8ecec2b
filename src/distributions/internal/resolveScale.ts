import { Fraction } from 'fraction.js';
import { qFromNumber, qSqrtExact } from '../../algebra/rational.ts';

/** b from `scale` or from √(variance·factor) (exact), with errors naming `api` and the field. */
export function resolveScale(
  api: string,
  scale: Fraction | undefined,
  variance: number | Fraction | undefined,
  factor: Fraction,
): Fraction {
  if (scale !== undefined && variance !== undefined) {
    throw new Error(`${api}: give at most one of options.scale and options.variance`);
  }
  if (scale !== undefined) {
    if (!(scale instanceof Fraction) || !scale.gt(0)) {
      throw new Error(`${api}: options.scale must be a Fraction > 0, got ${String(scale)}`);
    }
    return scale;
  }
  const v = variance ?? 1;
  let vq: Fraction;
  if (v instanceof Fraction) vq = v;
  else if (typeof v === 'number' && Number.isFinite(v)) vq = qFromNumber(v);
  else throw new Error(`${api}: options.variance must be a finite number or a Fraction > 0, got ${String(v)}`);
  if (!vq.gt(0)) throw new Error(`${api}: options.variance must be > 0, got ${vq.toFraction()}`);
  const b = qSqrtExact(vq.mul(factor));
  if (b === undefined) {
    throw new Error(
      `${api}: options.variance = ${vq.toFraction()} gives an irrational atom √(${vq.mul(factor).toFraction()}); pass options.scale (a Fraction) instead`,
    );
  }
  return b;
}
