import type { ContinuousSymmetricDistribution } from '../types.ts';

/**
 * A two-piece normal: scale s₋ on x < 0, s₊ on x > 0, density 2/(√(2π)(s₋+s₊))·e^{−x²/(2s²)}.
 * Not symmetric when s₋ ≠ s₊ (its mean is not 0 either); declared as if it were a symmetric law with
 * its true E[x²] = (s₋³+s₊³)/(s₋+s₊) and E[x⁴] = 3(s₋⁵+s₊⁵)/(s₋+s₊).
 * A deliberately WRONG object for teeth tests (an asymmetric law posing as symmetric).
 *
 * @example twoPieceNormal(1, 2).density(-1) // 2/(3√(2π))·e^{−1/2}
 */
export function twoPieceNormal(sMinus: number, sPlus: number): ContinuousSymmetricDistribution {
  const c = 2 / (Math.sqrt(2 * Math.PI) * (sMinus + sPlus));
  const variance = (sMinus ** 3 + sPlus ** 3) / (sMinus + sPlus);
  const fourthMoment = (3 * (sMinus ** 5 + sPlus ** 5)) / (sMinus + sPlus);
  return {
    name: `two-piece-normal(${sMinus}, ${sPlus})`,
    variance,
    fourthMoment,
    kurtosis: fourthMoment / variance ** 2,
    halfLineMoment: () => Number.NaN,
    density: (x) => c * Math.exp(-(x * x) / (2 * (x < 0 ? sMinus : sPlus) ** 2)),
    sample: () => Number.NaN,
  };
}

