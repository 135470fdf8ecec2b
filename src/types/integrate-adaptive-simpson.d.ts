declare module 'integrate-adaptive-simpson' {
  /** ∫_a^b f by adaptive Simpson with Richardson extrapolation, to absolute tolerance `tol` (default 1e-8), recursion depth ≤ maxdepth (default 20). */
  export default function integrate(f: (x: number) => number, a: number, b: number, tol?: number, maxdepth?: number): number;
}
