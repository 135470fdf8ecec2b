import { describe, it, expect } from 'vitest';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { normal } from '../../distributions/normal.ts';
import { rademacher } from '../../distributions/rademacher.ts';
import { uniform } from '../../distributions/uniform.ts';
import { glorotInit } from './glorotInit.ts';
import { gsmInit } from './gsmInit.ts';
import { heInit } from './heInit.ts';
import { identityInit } from './identityInit.ts';
import {
  BUILT_IN_INITIALISER_NAMES,
  INITIALISERS,
  type BuiltInInitialiserName,
  type InitialiserRegistry,
  type LayerInitContext,
  type LayerInitialiser,
} from './initialisers.ts';
import { lecunInit } from './lecunInit.ts';
import { orthogonalInit } from './orthogonalInit.ts';
import { zeroInit } from './zeroInit.ts';
import { ORTHOGONALITY_TOLERANCE } from './internal/tolerances.ts';

const context = (over: Partial<LayerInitContext> & { seed?: number } = {}): LayerInitContext => ({
  fanIn: 6,
  fanOut: 4,
  layerIndex: 1,
  layerCount: 3,
  slope: 0,
  rng: xoroshiro128plus(over.seed ?? 1),
  ...over,
});

describe('INITIALISERS', () => {
  it('has exactly the nine built-in names', () => {
    expect([...BUILT_IN_INITIALISER_NAMES].sort()).toEqual(
      ['gsm', 'glorot-normal', 'he-bernoulli', 'he-normal', 'he-uniform', 'identity', 'lecun-normal', 'orthogonal', 'zero'].sort(),
    );
    expect(Object.isFrozen(INITIALISERS)).toBe(true);
  });

  it('each entry is the named initialiser with the authors\' parameters (same rng → same matrix)', () => {
    const rng = (): ReturnType<typeof xoroshiro128plus> => xoroshiro128plus(3);
    const shape = { fanIn: 6, fanOut: 4 };
    const c = (slope = 0) => context({ ...shape, slope, seed: 3 });
    const expected: Record<BuiltInInitialiserName, Float32Array> = {
      'he-normal': heInit({ ...shape, distribution: normal(), slope: 0.3, rng: rng() }).data,
      'he-uniform': heInit({ ...shape, distribution: uniform(), slope: 0.3, rng: rng() }).data,
      'he-bernoulli': heInit({ ...shape, distribution: rademacher(), slope: 0.3, rng: rng() }).data,
      'glorot-normal': glorotInit({ ...shape, rng: rng() }).data,
      'lecun-normal': lecunInit({ ...shape, rng: rng() }).data,
      orthogonal: orthogonalInit({ ...shape, gain: Math.sqrt(2 / 1.09), rng: rng() }).data,
      gsm: gsmInit({ ...shape, layer: 'hidden', rng: rng() }).data,
      zero: zeroInit(shape).data,
      identity: identityInit(shape).data,
    };
    for (const name of BUILT_IN_INITIALISER_NAMES) {
      const w = INITIALISERS[name](c(0.3));
      expect([w.rows, w.cols], name).toEqual([4, 6]);
      expect(w.data, name).toEqual(expected[name]);
    }
  });

  it("'orthogonal' uses gain √(2/(1 + a²)): √2 (the authors' ReLU gain) at a = 0", () => {
    for (const slope of [0, 0.5]) {
      const w = INITIALISERS.orthogonal(context({ fanIn: 12, fanOut: 5, slope }));
      let worst = 0;
      for (let i = 0; i < 5; i++) {
        for (let j = 0; j < 5; j++) {
          let s = 0;
          for (let t = 0; t < 12; t++) s += w.data[i * 12 + t]! * w.data[j * 12 + t]!;
          worst = Math.max(worst, Math.abs(s - (i === j ? 2 / (1 + slope * slope) : 0)));
        }
      }
      expect(worst).toBeLessThanOrEqual(ORTHOGONALITY_TOLERANCE);
    }
  });

  it("'gsm' picks the layer from the index: 0 → 'first' (even when it is the only layer), last → 'last', else 'hidden'", () => {
    const g = (layerIndex: number, layerCount: number) =>
      INITIALISERS.gsm(context({ layerIndex, layerCount, seed: 5 })).data;
    const direct = (layer: 'first' | 'hidden' | 'last') => gsmInit({ fanIn: 6, fanOut: 4, layer, rng: xoroshiro128plus(5) }).data;
    expect(g(0, 3)).toEqual(direct('first'));
    expect(g(0, 1)).toEqual(direct('first'));
    expect(g(1, 3)).toEqual(direct('hidden'));
    expect(g(2, 3)).toEqual(direct('last'));
    expect(direct('first')).not.toEqual(direct('hidden'));
  });

  it('initialises a whole network by name: CIFAR-10 → 10 → 10 → 10 classes, one shared rng', () => {
    const widths = [3072, 10, 10, 10];
    for (const name of BUILT_IN_INITIALISER_NAMES) {
      const rng = xoroshiro128plus(11);
      const layers = widths.slice(1).map((fanOut, l) =>
        INITIALISERS[name]({ fanIn: widths[l]!, fanOut, layerIndex: l, layerCount: widths.length - 1, slope: 0, rng }),
      );
      expect(layers.map((w) => [w.rows, w.cols]), name).toEqual([[10, 3072], [10, 10], [10, 10]]);
      expect(layers.every((w) => w.data.every(Number.isFinite)), name).toBe(true);
    }
  });

  it('the deterministic ones leave the rng untouched; the random ones advance it', () => {
    for (const name of BUILT_IN_INITIALISER_NAMES) {
      const rng = xoroshiro128plus(21);
      const untouched = rng.clone();
      INITIALISERS[name](context({ rng }));
      const same = rng.next() === untouched.next();
      expect(same, name).toBe(name === 'zero' || name === 'identity');
    }
  });

  it('is open for extension (e.g. MetaInit elsewhere) through InitialiserRegistry', () => {
    const metainit: LayerInitialiser = (c) => INITIALISERS['he-normal'](c);
    const all = { ...INITIALISERS, metainit } satisfies InitialiserRegistry;
    const names: readonly (keyof typeof all)[] = [...BUILT_IN_INITIALISER_NAMES, 'metainit'];
    expect(names).toContain('metainit');
    expect(all.metainit(context()).data).toEqual(INITIALISERS['he-normal'](context()).data);
  });

  it('validates the context, naming the entry and the field', () => {
    const he = INITIALISERS['he-normal'];
    expect(() => he(context({ fanIn: 0 }))).toThrow("initialisers['he-normal']: options.fanIn must be an integer >= 1, got 0");
    expect(() => he(context({ fanOut: 2.5 }))).toThrow("initialisers['he-normal']: options.fanOut");
    expect(() => he(context({ layerCount: 0 }))).toThrow("initialisers['he-normal']: options.layerCount must be an integer >= 1");
    expect(() => he(context({ layerIndex: 3 }))).toThrow("initialisers['he-normal']: options.layerIndex must be an integer in [0, layerCount − 1 = 2], got 3");
    expect(() => he(context({ layerIndex: -1 }))).toThrow("initialisers['he-normal']: options.layerIndex");
    expect(() => he(context({ layerIndex: 1.5 }))).toThrow("initialisers['he-normal']: options.layerIndex must be an integer in [0, layerCount − 1 = 2], got 1.5");
    expect(() => he(context({ layerIndex: '1' as unknown as number }))).toThrow("initialisers['he-normal']: options.layerIndex must be an integer in [0, layerCount − 1 = 2], got 1");
    for (const bad of [null, undefined, 3])
      expect(() => INITIALISERS.identity(bad as unknown as LayerInitContext), String(bad)).toThrow(`initialisers['identity']: options must be an object, got ${String(bad)}`);
    expect(() => he(context({ slope: Number.NaN }))).toThrow("initialisers['he-normal']: options.slope must be a finite number");
    expect(() => INITIALISERS.zero(context({ rng: undefined as unknown as LayerInitContext['rng'] }))).toThrow("initialisers['zero']: options.rng");
    expect(() => INITIALISERS.gsm(context({ fanIn: 5 }))).toThrow('gsmInit: options.fanIn must be even');
  });
});
