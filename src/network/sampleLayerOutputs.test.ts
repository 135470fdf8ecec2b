import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { beforeAll, describe, expect, it } from 'vitest';
import { normal } from '../distributions/normal.ts';
import { rademacher } from '../distributions/rademacher.ts';
import { initBackend } from './backend.ts';
import { heInit } from './init/heInit.ts';
import { sampleLayerOutputs, type SampleLayerOutputsOptions } from './sampleLayerOutputs.ts';

beforeAll(async () => {
  await initBackend({ requested: 'wasm' });
});

const collect = (o: SampleLayerOutputsOptions) => [...sampleLayerOutputs(o)];

describe('sampleLayerOutputs', () => {
  const base = { widths: [3, 4, 2], slope: 0.1, weights: normal(), input: normal(), draws: 10, seed: 5, chunk: 4 };

  it('yields every layer of every draw, in chunks, layer 0 being the input', () => {
    const chunks = collect(base);
    expect(chunks.map((c) => [c.start, c.draws])).toEqual([[0, 4], [4, 4], [8, 2]]);
    expect(chunks[0]!.layers.map((l) => l.length)).toEqual([12, 16, 8]);
  });

  it('recomputes from the same stream: the outputs equal W φ_a(x) with the weights drawn in the documented order', () => {
    const [chunk] = collect({ ...base, draws: 2, chunk: 2 });
    const rng = xoroshiro128plus(5);
    const x = Array.from({ length: 6 }, () => normal().sample(rng));
    const W1 = heInit({ fanIn: 3, fanOut: 8, distribution: normal(), slope: 0.1, rng }).data;
    const W2 = heInit({ fanIn: 4, fanOut: 4, distribution: normal(), slope: 0.1, rng }).data;
    const phi = (v: number) => (v > 0 ? v : 0.1 * v);
    for (let d = 0; d < 2; d++) {
      const y1 = [0, 1, 2, 3].map((i) => [0, 1, 2].reduce((s, j) => s + W1[d * 12 + i * 3 + j]! * phi(x[d * 3 + j]!), 0));
      const y2 = [0, 1].map((i) => [0, 1, 2, 3].reduce((s, j) => s + W2[d * 8 + i * 4 + j]! * phi(y1[j]!), 0));
      y1.forEach((v, i) => expect(chunk!.layers[1]![d * 4 + i]).toBeCloseTo(v, 5));
      y2.forEach((v, i) => expect(chunk!.layers[2]![d * 2 + i]).toBeCloseTo(v, 5));
    }
  });

  it('is reproducible, and a longer run extends a shorter one', () => {
    const short = collect({ ...base, draws: 8 });
    const long = collect({ ...base, draws: 10 });
    expect(long.slice(0, 2)).toEqual(short);
    expect(collect({ ...base, seed: 6 })[0]!.layers[1]).not.toEqual(long[0]!.layers[1]);
  });

  it("scales He's variance by the output width with heWidth 'fan-out' (Proposition 1 as written)", () => {
    const o = { ...base, widths: [2, 8], weights: rademacher(), input: rademacher(), activateInput: false, draws: 1, slope: 0 };
    const fanIn = collect(o)[0]!.layers[1]!;
    const fanOut = collect({ ...o, heWidth: 'fan-out' })[0]!.layers[1]!;
    fanIn.forEach((v, i) => expect(fanOut[i]).toBeCloseTo(v * Math.sqrt(2 / 8), 6));
  });

  it('rejects bad options naming the field', () => {
    expect(() => collect({ ...base, widths: [3] })).toThrow(/options.widths needs at least 2/);
    expect(() => collect({ ...base, widths: [3, 0] })).toThrow(/options.widths\[1\]/);
    expect(() => collect({ ...base, draws: 0 })).toThrow(/options.draws/);
    expect(() => collect({ ...base, seed: -1 })).toThrow(/options.seed/);
    expect(() => collect({ ...base, chunk: 0 })).toThrow(/options.chunk/);
  });
});
