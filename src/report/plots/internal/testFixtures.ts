import type { Figure1Point } from '../figure1Spec.ts';
import type { Figure2Layer } from './figure2Rows.ts';
import type { Figure3Point } from '../figure3Spec.ts';

/**
 * Small deterministic inputs for the plot tests (test-only; no randomness): Figure 1 runs on a
 * 3 × 3 × 3 grid with two diverged runs, Figure 2 layers 0…100 decaying geometrically (so the
 * deep layers fall below the 10⁻¹² lowest axis floor), Figure 3 cells for two initialisers.
 *
 * @example
 * testFixtures().figure1.length; // 27
 */
export function testFixtures(): { figure1: Figure1Point[]; figure2: Figure2Layer[]; figure3: Figure3Point[] } {
  const figure1: Figure1Point[] = [];
  const inits = ['he-bernoulli', 'he-uniform', 'he-normal'] as const;
  inits.forEach((initialiser, k) => {
    for (const width of [5, 25, 50]) {
      for (const depth of [0, 25, 50]) {
        const kurtosis = 3.28 * (1 + k / 2) ** (depth / 10) * (1 + 5 / width) ** (depth / 5);
        const diverged = initialiser === 'he-normal' && width === 5 && depth >= 25;
        figure1.push(
          diverged
            ? { kurtosis, accuracy: null, status: 'diverged', initialiser, width, depth }
            : { kurtosis, accuracy: Math.round(1000 * (0.2 + 0.7 / (1 + Math.log10(kurtosis)))) / 1000, status: 'ok', initialiser, width, depth },
        );
      }
    }
  });
  const figure2: Figure2Layer[] = [];
  for (let layer = 0; layer <= 100; layer += 1) {
    const q90 = 0.7 * 0.7 ** layer;
    figure2.push({ layer, q90, q99: 3 * q90, q999: 10 * q90 });
  }
  const figure3: Figure3Point[] = [];
  for (const initialiser of ['ZerO', 'He-normal']) {
    for (let depth = 0; depth <= 100; depth += 10) {
      const mean = initialiser === 'ZerO' ? 0.385 : depth === 0 ? 0.37 : 0.15;
      figure3.push({ initialiser, depth, mean, min: mean - 0.01, max: mean + 0.02 });
    }
  }
  return { figure1, figure2, figure3 };
}
