/**
 * The per-position tap of one output unit: from row-major draws of a conv layer's flat output
 * ([draws × positions·C], feature = position·C + channel), the C channels at one position of
 * every draw, as [draws × C]. The Monte Carlo treats these C units — exchangeable (i.i.d. filters
 * across output channels) and identically distributed under either padding — as the layer's
 * "width" in Proposition 3's sense. `position` defaults to the centre: ⌊L/2⌋ in 1-D,
 * (⌊H/2⌋, ⌊W/2⌋) row-major in 2-D.
 *
 * @example convUnitTap(new Float32Array([0, 1, 2, 3, 4, 5]), { spatialOut: [3], channelsOut: 2 }) // Float32Array [2, 3]
 */
export function convUnitTap(data: Float32Array, shape: { readonly spatialOut: readonly number[]; readonly channelsOut: number }, position?: number): Float32Array {
  const positions = shape.spatialOut.reduce((a, b) => a * b, 1);
  const c = shape.channelsOut;
  const centre = shape.spatialOut.length === 1 ? Math.floor(shape.spatialOut[0]! / 2) : Math.floor(shape.spatialOut[0]! / 2) * shape.spatialOut[1]! + Math.floor(shape.spatialOut[1]! / 2);
  const p = position ?? centre;
  if (!Number.isInteger(p) || p < 0 || p >= positions) throw new Error(`convUnitTap: position must be an integer in [0, ${positions}), got ${String(position)}`);
  const row = positions * c;
  if (data.length % row !== 0) throw new Error(`convUnitTap: data length ${data.length} is not a multiple of positions·channels = ${row}`);
  const draws = data.length / row;
  const out = new Float32Array(draws * c);
  for (let d = 0; d < draws; d++) out.set(data.subarray(d * row + p * c, d * row + p * c + c), d * c);
  return out;
}
