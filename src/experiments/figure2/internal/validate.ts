import type { WeightMatrix } from '../../../network/init/types.ts';

const API = 'layerVariances';

function positiveInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new Error(`${API}: options.${name} must be an integer ≥ ${min}, got ${String(value)}`);
  }
  return value;
}

/** Checks every option of layerVariances; throws a one-line Error naming the bad one. */
export function validateOptions(o: {
  readonly images: unknown;
  readonly count: unknown;
  readonly size: unknown;
  readonly networks: unknown;
  readonly unit?: unknown;
  readonly slope?: unknown;
  readonly chunkSize?: unknown;
  readonly networksPerGemm?: unknown;
  readonly kernel?: unknown;
}): void {
  if (typeof o !== 'object' || o === null) throw new Error(`${API}: options must be an object, got ${String(o)}`);
  if (!(o.images instanceof Float32Array)) throw new Error(`${API}: options.images must be a Float32Array`);
  const count = positiveInteger('count', o.count, 2);
  const size = positiveInteger('size', o.size, 1);
  if (o.images.length !== count * size) {
    throw new Error(`${API}: options.images has ${o.images.length} values but count × size = ${count} × ${size} = ${count * size}`);
  }
  if (o.chunkSize !== undefined) positiveInteger('chunkSize', o.chunkSize, 1);
  if (o.networksPerGemm !== undefined) positiveInteger('networksPerGemm', o.networksPerGemm, 1);
  if (o.kernel !== undefined && o.kernel !== 'auto' && o.kernel !== 'simd' && o.kernel !== 'js') {
    throw new Error(`${API}: options.kernel must be 'auto', 'simd' or 'js', got ${String(o.kernel)}`);
  }
  if (o.slope !== undefined && (typeof o.slope !== 'number' || !Number.isFinite(o.slope))) {
    throw new Error(`${API}: options.slope must be a finite number, got ${String(o.slope)}`);
  }
  const unit = o.unit === undefined ? 0 : o.unit;
  if (typeof unit !== 'number' || !Number.isInteger(unit) || unit < 0) {
    throw new Error(`${API}: options.unit must be an integer ≥ 0, got ${String(unit)}`);
  }
  if (!Array.isArray(o.networks)) throw new Error(`${API}: options.networks must be an array of weight-matrix lists`);
  (o.networks as unknown[]).forEach((net, k) => {
    const where = `${API}: options.networks[${k}]`;
    if (!Array.isArray(net) || net.length === 0) throw new Error(`${where} must be a non-empty array of WeightMatrix`);
    (net as WeightMatrix[]).forEach((m, l) => {
      const at = `${where}[${l}]`;
      if (typeof m !== 'object' || m === null || !(m.data instanceof Float32Array) || !Number.isInteger(m.rows) || !Number.isInteger(m.cols) || m.rows < 1 || m.cols < 1) {
        throw new Error(`${at} must be a WeightMatrix {rows ≥ 1, cols ≥ 1, data: Float32Array}`);
      }
      if (m.data.length !== m.rows * m.cols) throw new Error(`${at}.data has ${m.data.length} values but rows × cols = ${m.rows} × ${m.cols} = ${m.rows * m.cols}`);
      if (l === 0 && m.cols !== size) throw new Error(`${at}.cols = ${m.cols} must equal options.size = ${size} (the first Linear acts on the images)`);
      if (l > 0 && m.cols !== net[l - 1].rows) throw new Error(`${at}.cols = ${m.cols} must equal the previous layer's rows = ${net[l - 1].rows}`);
      if (unit >= m.rows) throw new Error(`${API}: options.unit = ${unit} is out of range for options.networks[${k}][${l}] with ${m.rows} outputs`);
    });
  });
}
