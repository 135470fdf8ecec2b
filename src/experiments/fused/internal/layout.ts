/** Where each parameter lives in the flat parameter vector: [W_1, b_1, W_2, b_2, …] (PyTorch's `parameters()` order). */
export interface ParameterLayout {
  readonly widths: readonly number[];
  /** Offset of W_l (index l − 1). */
  readonly weightOffset: readonly number[];
  /** Offset of b_l (index l − 1), or −1 without biases. */
  readonly biasOffset: readonly number[];
  readonly size: number;
}

/**
 * Offsets of every weight and bias in one flat float32 vector, in `network.parameters` order.
 *
 * @example parameterLayout([3, 2, 1], true) // { weightOffset: [0, 8], biasOffset: [6, 10], size: 11 }
 */
export function parameterLayout(widths: readonly number[], biases: boolean): ParameterLayout {
  const weightOffset: number[] = [];
  const biasOffset: number[] = [];
  let size = 0;
  for (let l = 1; l < widths.length; l++) {
    weightOffset.push(size);
    size += widths[l]! * widths[l - 1]!;
    biasOffset.push(biases ? size : -1);
    if (biases) size += widths[l]!;
  }
  return { widths, weightOffset, biasOffset, size };
}
