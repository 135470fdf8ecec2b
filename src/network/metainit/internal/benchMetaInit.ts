/**
 * Measurement script (not part of the library): seconds per MetaInit step on the current backend.
 * Run: `npx tsx src/network/metainit/internal/benchMetaInit.ts [backend] [width] [depth] [steps] [profile]`.
 * The system BLAS (if any) runs on `VV_BENCH_BLAS_THREADS` threads (default 1, as in figure runs):
 * left to OpenBLAS's own default it spreads each small product over every core, which on a shared
 * machine oversubscribes them and times the contention, not MetaInit.
 */
import * as tf from '@tensorflow/tfjs-core';
import { describeBlas } from '../../../blas/describeBlas.ts';
import { initBlas } from '../../../blas/initBlas.ts';
import { initBackend } from '../../backend.ts';
import { referenceWidths } from '../../referenceWidths.ts';
import { metaInit } from '../metaInit.ts';

async function main(): Promise<void> {
  const [backend = 'wasm', width = '10', depth = '100', steps = '10'] = process.argv.slice(2);
  await initBackend({ requested: backend });
  console.log(describeBlas(initBlas({ threads: Number(process.env.VV_BENCH_BLAS_THREADS ?? 1) }).info));
  const widths = referenceWidths({ inputSize: 3072, width: Number(width), depth: Number(depth) });
  metaInit({ widths, seed: 1, steps: 2 });
  const t = performance.now();
  const r = metaInit({ widths, seed: 1, steps: Number(steps) });
  const s = (performance.now() - t) / 1000 / Number(steps);
  console.log(`metaInit w${width} d${depth}: ${s.toFixed(4)} s/step; final GQ ${r.gradientQuotient.final}, scales[0..2] ${r.scales.slice(0, 3).join(', ')}`);
  if (process.argv.includes('profile')) {
    const info = await tf.profile(() => { metaInit({ widths, seed: 1, steps: 1 }); });
    const by = new Map<string, { ms: number; n: number }>();
    for (const k of info.kernels) {
      const key = k.name === 'BatchMatMul' ? `MM ${k.inputShapes.map((x) => x.join('x')).join(',')}` : k.name;
      const e = by.get(key) ?? { ms: 0, n: 0 };
      e.ms += (await k.kernelTimeMs) as number;
      e.n++;
      by.set(key, e);
    }
    let total = 0;
    let count = 0;
    for (const e of by.values()) { total += e.ms; count += e.n; }
    console.log(`kernels: ${count} calls, ${total.toFixed(1)} ms`);
    console.log([...by].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20).map(([k, e]) => `${k}: ${e.ms.toFixed(1)}ms/${e.n}`).join('\n'));
  }
}
main().catch((e) => { console.error(e); process.exit(1); });
