import { describe, expect, it } from 'vitest';
import { loadMnist } from './loadMnist.ts';
import { inputStatistics } from './inputStatistics.ts';
import { inputStatisticsFromNorms } from './inputStatisticsFromNorms.ts';
import { inputStatisticsSamplingError } from './inputStatisticsSamplingError.ts';
import { inputStatisticsVerdicts, JPEG_MARGIN } from './inputStatisticsVerdicts.ts';
import type { PublishedInputStatistics } from './inputStatisticsPublished.ts';

const stats = inputStatisticsFromNorms({ norm2: Float64Array.of(1, 2, 6), sum4: Float64Array.of(1, 1, 3) }, { weightKurtosis: 3, fanIn: 2 });
const pub = (o: Partial<PublishedInputStatistics>): PublishedInputStatistics => ({ source: 'code', dataset: 'mnist', kappa0: stats.kappa0, c0: stats.c0Normalized, quoteHalfWidth: 0, samples: 1e7, ...o });

describe('inputStatisticsVerdicts', () => {
  it('tolerance = quote half-width + 4 SE(10⁷) (+ JPEG margin); agrees at the edge, disagrees beyond', () => {
    const se = inputStatisticsSamplingError(stats, { samples: 1e7 });
    const tol = 0.005 + 4 * se.kappa0;
    const [inside, outside] = inputStatisticsVerdicts(stats, { dataset: 'mnist', published: [pub({ source: 'paper', quoteHalfWidth: 0.005, kappa0: stats.kappa0 + 0.99 * tol }), pub({ source: 'paper', quoteHalfWidth: 0.005, kappa0: stats.kappa0 - 1.01 * tol })] });
    expect(inside!.kappa0.tolerance).toBeCloseTo(tol, 15);
    expect(inside!.kappa0.verdict).toBe('agrees');
    expect(inside!.verdict).toBe('agrees');
    expect(outside!.kappa0.verdict).toBe('disagrees');
    expect(outside!.verdict).toBe('disagrees');
    expect(outside!.kappa0.delta).toBeCloseTo(-1.01 * tol, 14);
    const [jpeg] = inputStatisticsVerdicts(stats, { dataset: 'cifar10', jpegStandIn: true, published: [pub({})] });
    expect(jpeg!.kappa0.tolerance).toBeCloseTo(4 * se.kappa0 + JPEG_MARGIN.ratio * stats.kappa0, 15);
    expect(jpeg!.c0.raw.tolerance).toBeCloseTo(4 * se.c0 + JPEG_MARGIN.raw * stats.c0, 15);
    expect(jpeg!.sameDataset).toBe(false);
  });

  it('reads c0 as raw (v = 2/d), raw with v = 1/d and normalised, and says which agree', () => {
    const [n, r, u] = inputStatisticsVerdicts(stats, { dataset: 'mnist', published: [pub({ c0: stats.c0Normalized }), pub({ c0: stats.c0 }), pub({ c0: stats.c0 / 4 })] });
    expect(n!.c0MatchesAs).toContain('normalized');
    expect(r!.c0MatchesAs).toEqual(['raw']);
    expect(u!.c0MatchesAs).toEqual(['rawUnitGain']); // v = 1/d is half of He's 2/d: c0 / 4
    expect(u!.impliedSigma2IfRaw).toBeCloseTo(Math.sqrt(stats.c0 / 4 / stats.c0Normalized), 14);
  });

  it("real MNIST (authors' preprocessing): the code's MNIST pair and the paper's CIFAR-10 pair agree, as c0/σ⁴; the others disagree", () => {
    const v = inputStatisticsVerdicts(inputStatistics(loadMnist(), { preprocessing: 'authors' }), { dataset: 'mnist' });
    const by = (s: string, d: string) => v.find((x) => x.source === s && x.publishedFor === d)!;
    expect(by('code', 'mnist').verdict).toBe('agrees');
    expect(by('code', 'mnist').c0MatchesAs).toContain('normalized');
    expect(by('code', 'mnist').c0.raw.verdict).toBe('disagrees');
    expect(by('paper', 'cifar10').verdict).toBe('agrees');
    expect(by('paper', 'mnist').verdict).toBe('disagrees');
    expect(by('code', 'cifar10').verdict).toBe('disagrees');
  });

  it('names bad options', () => {
    expect(() => inputStatisticsVerdicts(stats, { dataset: 'svhn' as never })).toThrow(/options\.dataset/);
    expect(() => inputStatisticsVerdicts(stats, { dataset: 'mnist', seMultiple: 0 })).toThrow(/options\.seMultiple/);
  });
});
