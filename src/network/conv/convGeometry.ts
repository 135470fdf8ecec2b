/** Padding of a convolution: circular (periodic signal) or zero ("same" size, zeros outside). */
export type ConvPadding = 'circular' | 'zero';

/** Options of {@link convGeometry}. */
export interface ConvGeometryOptions {
  /** Spatial size of the input: [L] (1-D) or [H, W] (2-D). */
  readonly spatial: readonly number[];
  readonly channelsIn: number;
  readonly channelsOut: number;
  /** Kernel size K (K × K in 2-D), integer ≥ 1. */
  readonly kernel: number;
  /** Stride S (both dimensions in 2-D), integer ≥ 1. */
  readonly stride: number;
  readonly padding: ConvPadding;
}

/**
 * The index tables of one convolution in the forward pass's flat layout. Features are stored
 * position-major, channel-minor: feature = position·C + channel, positions row-major (h·W + w in
 * 2-D). Output position o (per dimension) reads input coordinate S·o + t − ⌊(K−1)/2⌋ for tap
 * t = 0…K−1 ("same" alignment): circular padding wraps it mod the size, zero padding maps it to
 * the extra zero position `positionsIn` (appended by the forward pass). Output size ⌈n/S⌉ per
 * dimension. `indices` lists, for every output position, its taps (row-major in 2-D):
 * length positionsOut·taps; the patch of an output position is then the [taps × C] block, and its
 * weight row has fan-in C·K (C·K² in 2-D), tap-major, channel-minor.
 *
 * @example convGeometry({ spatial: [4], channelsIn: 1, channelsOut: 1, kernel: 3, stride: 1, padding: 'circular' }).indices
 * // Int32Array [3,0,1, 0,1,2, 1,2,3, 2,3,0]
 */
export interface ConvGeometry extends ConvGeometryOptions {
  readonly spatialOut: readonly number[];
  readonly positionsIn: number;
  readonly positionsOut: number;
  /** K (1-D) or K² (2-D). */
  readonly taps: number;
  /** C_in · taps: the fan-in of every output unit. */
  readonly fanIn: number;
  readonly indices: Int32Array;
}

/** Builds the {@link ConvGeometry}; throws naming the bad field. */
export function convGeometry(o: ConvGeometryOptions): ConvGeometry {
  const int = (v: number, name: string) => {
    if (!Number.isInteger(v) || v < 1) throw new Error(`convGeometry: ${name} must be an integer >= 1, got ${String(v)}`);
  };
  if (o.spatial.length !== 1 && o.spatial.length !== 2) throw new Error(`convGeometry: spatial must have 1 or 2 dimensions, got ${o.spatial.length}`);
  o.spatial.forEach((n, i) => int(n, `spatial[${i}]`));
  int(o.channelsIn, 'channelsIn');
  int(o.channelsOut, 'channelsOut');
  int(o.kernel, 'kernel');
  int(o.stride, 'stride');
  if (o.padding !== 'circular' && o.padding !== 'zero') throw new Error(`convGeometry: padding must be 'circular' or 'zero', got '${String(o.padding)}'`);
  const spatialOut = o.spatial.map((n) => Math.ceil(n / o.stride));
  const positionsIn = o.spatial.reduce((a, b) => a * b, 1);
  const positionsOut = spatialOut.reduce((a, b) => a * b, 1);
  const dims = o.spatial.length;
  const taps = o.kernel ** dims;
  const shift = Math.floor((o.kernel - 1) / 2);
  const indices = new Int32Array(positionsOut * taps);
  let k = 0;
  const coordinate = (out: number, t: number, n: number): number | null => {
    const c = o.stride * out + t - shift;
    if (o.padding === 'circular') return ((c % n) + n) % n;
    return c >= 0 && c < n ? c : null;
  };
  for (let p = 0; p < positionsOut; p++) {
    const outCoords = dims === 1 ? [p] : [Math.floor(p / spatialOut[1]!), p % spatialOut[1]!];
    for (let t = 0; t < taps; t++) {
      const tapCoords = dims === 1 ? [t] : [Math.floor(t / o.kernel), t % o.kernel];
      const inCoords = outCoords.map((oc, d) => coordinate(oc, tapCoords[d]!, o.spatial[d]!));
      indices[k++] = inCoords.some((c) => c === null) ? positionsIn : dims === 1 ? inCoords[0]! : inCoords[0]! * o.spatial[1]! + inCoords[1]!;
    }
  }
  return { ...o, spatial: [...o.spatial], spatialOut, positionsIn, positionsOut, taps, fanIn: o.channelsIn * taps, indices };
}
