/** Sizes of every workload; the same object is handed to bench/torch_bench.py (`--config`). */
export interface BenchScale {
  readonly fig2: { readonly images: number; readonly width: number; readonly depth: number; readonly networks: number; readonly perGemm: number };
  readonly fig3: { readonly configs: readonly { readonly width: number; readonly depth: number; readonly steps: number }[]; readonly batch: number; readonly evalCount: number };
  readonly metainit: { readonly width: number; readonly depth: number; readonly steps: number; readonly stepsPerInit: number; readonly batch: number };
  readonly montecarlo: { readonly width: number; readonly depth: number; readonly samples: number };
  readonly gemm: { readonly m: number; readonly k: number; readonly n: number; readonly repeats: number };
}

/**
 * The sizes (default), or tiny ones for a smoke test (`--quick`). fig2 images are capped by
 * the data actually loaded; metainit `steps` are timed per run and scaled to `stepsPerInit` (500),
 * unless `full` (whole initialisations).
 */
export function benchScale(options: { readonly quick: boolean; readonly full: boolean }): BenchScale {
  if (options.quick) {
    return {
      fig2: { images: 1000, width: 10, depth: 100, networks: 4, perGemm: 4 },
      fig3: { configs: [{ width: 20, depth: 10, steps: 3 }, { width: 10, depth: 10, steps: 5 }], batch: 90, evalCount: 500 },
      metainit: { width: 10, depth: 10, steps: options.full ? 20 : 2, stepsPerInit: options.full ? 20 : 500, batch: 32 },
      montecarlo: { width: 4, depth: 5, samples: 4096 },
      gemm: { m: 200, k: 3072, n: 100, repeats: 2 },
    };
  }
  return {
    fig2: { images: 50000, width: 10, depth: 100, networks: 32, perGemm: 32 },
    fig3: {
      configs: [
        { width: 200, depth: 500, steps: 10 },
        { width: 200, depth: 100, steps: 30 },
        { width: 10, depth: 100, steps: 200 },
      ],
      batch: 90,
      evalCount: 10000,
    },
    metainit: { width: 10, depth: 100, steps: options.full ? 500 : 10, stepsPerInit: 500, batch: 32 },
    montecarlo: { width: 4, depth: 5, samples: 100000 },
    gemm: { m: 2000, k: 3072, n: 1000, repeats: 3 },
  };
}
