import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packagePath } from '../../paths/packagePath.ts';
import { gammaLawQuantiles } from '../../theory/gammaLawQuantiles.ts';
import { compareFigure2Prediction, type MeasuredFigure2Layer } from './compareFigure2Prediction.ts';
import { figure2PredictionReport } from './figure2PredictionReport.ts';
import { predictFigure2Quantiles } from './predictFigure2Quantiles.ts';
import { readFigure2Results } from './readFigure2Results.ts';
import { readFigure2Summary } from './readFigure2Summary.ts';

const CIFAR = { kappa0: 3.8452783432774758, c0Normalized: 0.2817594477591586, variance: 3.0888 };
const dirs: string[] = [];
const temp = () => {
  const d = mkdtempSync(join(tmpdir(), 'vv-f2p-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('predictFigure2Quantiles', () => {
  const layers = predictFigure2Quantiles({ ...CIFAR, width: 10, layers: 100, weightKurtosis: 3, n: 50000 });
  it("layer 0 is the He random vector: κ₀ and the Gamma quantiles at DF = 2n/(κ₀ − (n−3)/(n−1))", () => {
    expect(layers).toHaveLength(101);
    expect(layers[0]!.kappa).toBe(CIFAR.kappa0);
    const df = (2 * 50000) / (CIFAR.kappa0 - 49997 / 49999);
    expect(layers[0]!.degreesOfFreedom).toBeCloseTo(df, 6);
    const direct = gammaLawQuantiles({ kurtosis: CIFAR.kappa0, variance: CIFAR.variance, n: 50000, levels: [0.9, 0.99, 0.999] });
    expect(layers[0]!.quantiles.map((q) => q.value)).toEqual(direct.quantiles.map((q) => q.value));
  });
  it("κ_l grows geometrically (Proposition 3's λ_max > 1 at width 10) and the Gamma shape falls below 1 between layers 20 and 30", () => {
    expect(layers[1]!.kappa).toBeGreaterThan(layers[0]!.kappa);
    expect(layers[100]!.kappa / layers[99]!.kappa).toBeCloseTo(layers[60]!.kappa / layers[59]!.kappa, 3);
    const first = layers.findIndex((l) => l.shape < 1);
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThan(30);
  });
  it('rejects bad sizes', () => {
    expect(() => predictFigure2Quantiles({ ...CIFAR, width: 0, layers: 3, weightKurtosis: 3, n: 10 })).toThrow(/width/);
    expect(() => predictFigure2Quantiles({ ...CIFAR, width: 10, layers: -1, weightKurtosis: 3, n: 10 })).toThrow(/layers/);
  });
});

describe('compareFigure2Prediction', () => {
  // Layer 0 measured close around the law's own quantiles (3.119, 3.143, 3.161 at κ₀, n = 50,000):
  const measured: MeasuredFigure2Layer[] = [{ layer: 0, q90: 3.13, q99: 3.15, q999: 3.17 }];
  const predict = (kappa0: number) => predictFigure2Quantiles({ ...CIFAR, kappa0, width: 10, layers: 0, weightKurtosis: 3, n: 50000 });

  it('supported when every predicted quantile lies in its bracket interval, and a perturbed κ refutes it (teeth)', () => {
    const ok = compareFigure2Prediction({ networks: 10000, measured, predicted: predict(CIFAR.kappa0) });
    expect(ok.layers[0]!.verdict).toBe('supported');
    expect(ok.layers[0]!.levels.map((l) => l.side)).toEqual(['inside', 'inside', 'inside']);
    const bad = compareFigure2Prediction({ networks: 10000, measured, predicted: predict(30) });
    expect(bad.layers[0]!.verdict).toBe('refuted');
    expect(bad.layers[0]!.levels[1]!.side).toBe('above'); // q0.99 ≈ 3.26 > Q0.999 = 3.17
    expect(bad.refutedLayers).toBe(1);
  });

  it('the false-refutation bound is the sum of every end\'s miss probability (Bonferroni over layers and levels)', () => {
    const c = compareFigure2Prediction({ networks: 10000, measured, predicted: predict(CIFAR.kappa0) });
    const sum = c.layers.flatMap((l) => l.levels).reduce((s, l) => s + l.interval.missLower + l.interval.missUpper, 0);
    expect(c.falseRefutation).toBe(sum);
    expect(c.falseRefutation).toBeLessThan(1e-15);
    expect(c.method).toBe('bracket');
  });

  it('with the networks\' values: order-statistic intervals at family-wise 0.05, and the same teeth', () => {
    // 10,000 draws of the law's own S²: σ²·(1 + √(2/DF)·z) for normal z (DF ≈ 35,000: skewness 0.015, the Gamma
    // quantiles differ from these by < 0.03 sd, a tenth of the intervals' half-width). False alarm of the 'supported'
    // assertion ≤ 0.05 (the family-wise level; seed 7 fixed); power: κ = 4.5 moves q0.999 by ≈ 0.34 sd, beyond the interval's half-width ≈ 0.23 sd.
    let seed = 7;
    const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) + 0.5) / 2 ** 32;
    const df = predict(CIFAR.kappa0)[0]!.degreesOfFreedom;
    const values = Float64Array.from({ length: 10000 }, () => {
      const z = Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand());
      return CIFAR.variance * (1 + Math.sqrt(2 / df) * z);
    });
    const sorted = Float64Array.from(values).sort();
    const q = (p: number) => sorted[Math.floor(9999 * p)]!;
    const m = [{ layer: 0, q90: q(0.9), q99: q(0.99), q999: q(0.999) }];
    const ok = compareFigure2Prediction({ networks: 10000, measured: m, predicted: predict(CIFAR.kappa0), values: [values] });
    expect(ok.method).toBe('order-statistics');
    expect(ok.layers[0]!.verdict, 'seed 7').toBe('supported');
    expect(ok.falseRefutation).toBeLessThanOrEqual(0.05);
    const bad = compareFigure2Prediction({ networks: 10000, measured: m, predicted: predict(4.5), values: [values] });
    expect(bad.layers[0]!.verdict).toBe('refuted');
    expect(() => compareFigure2Prediction({ networks: 10000, measured: m, predicted: predict(4.5), values: [values.subarray(1)] })).toThrow(/values\[0\] must hold 10000/);
  });

  it('rejects a missing layer or a bad measured value', () => {
    expect(() => compareFigure2Prediction({ networks: 10, measured: [], predicted: predict(3.8) })).toThrow(/no measured quantiles for layer 0/);
    expect(() => compareFigure2Prediction({ networks: 10, measured: [{ layer: 0, q90: Number.NaN, q99: 1, q999: 2 }], predicted: predict(3.8) })).toThrow(/q90/);
  });
});

describe('the committed Figure 2 summaries', () => {
  const paper = packagePath('reports/fig2-paper/summary.json');
  it('readFigure2Summary reads 101 He-normal layers over 10,000 networks and 50,000 images', () => {
    const s = readFigure2Summary(paper, 'he-normal');
    expect([s.images, s.networks, s.measured.length, s.scale]).toEqual([50000, 10000, 101, 'paper']);
    expect(() => readFigure2Summary(paper, 'metainit')).toThrow(/networks\.metainit/);
  });
  it('readFigure2Summary names what is wrong in one line', () => {
    const d = temp();
    writeFileSync(join(d, 'a.json'), '{"figure":"fig1"}');
    writeFileSync(join(d, 'b.json'), '{');
    expect(() => readFigure2Summary(join(d, 'a.json'), 'he-normal')).toThrow(/not a Figure 2 summary/);
    expect(() => readFigure2Summary(join(d, 'b.json'), 'he-normal')).toThrow(/not valid JSON/);
    expect(() => readFigure2Summary(join(d, 'none.json'), 'he-normal')).toThrow(/cannot read .*ENOENT/);
  });
  it('readFigure2Results refuses results of another run (the quantiles differ from the summary)', () => {
    const d = temp();
    const s = readFigure2Summary(paper, 'he-normal');
    const rows = Array.from({ length: 10 }, () => Array.from({ length: 101 }, () => 1));
    writeFileSync(join(d, 'results.jsonl'), JSON.stringify({ task: { figure: 'fig2', init: 'he-normal', block: 0 }, result: { variances: rows } }) + '\n');
    expect(readFigure2Results(join(d, 'results.jsonl'), 'he-normal')[100]!.length).toBe(10);
    expect(() => figure2PredictionReport({ summaryPath: paper, resultsPath: join(d, 'results.jsonl'), inputs: { kappa0: CIFAR.kappa0, c0Normalized: CIFAR.c0Normalized, sigma2: CIFAR.variance, dataset: 'x' } })).toThrow(
      new RegExp(`10 networks × 101 layers, but the summary has ${s.networks}`),
    );
  });
});
