/** Options of {@link referenceWidths}. */
export interface ReferenceWidthsOptions {
  /** Flattened input size (784 for MNIST, 3072 for CIFAR-10). */
  readonly inputSize: number;
  /** Hidden width w. */
  readonly width: number;
  /** Depth d ≥ 0 of the authors' code: d = 0 is a single Linear input → classes. */
  readonly depth: number;
  /** Number of classes (default 10). */
  readonly classes?: number;
}

/**
 * The Linear layers' widths of the authors' reproduction architecture (REFERENCE-SETUP.md): a
 * first Linear from the input to w, then d − 1 × [ReLU, Linear w → w], then ReLU and a final
 * Linear w → classes — d + 1 Linears; depth 0 is one Linear input → classes.
 *
 * @example referenceWidths({ inputSize: 3072, width: 10, depth: 2 }) // [3072, 10, 10, 10]
 * @example referenceWidths({ inputSize: 784, width: 10, depth: 0 }) // [784, 10]
 */
export function referenceWidths(options: ReferenceWidthsOptions): number[] {
  const { inputSize, width, depth } = options;
  const classes = options.classes ?? 10;
  const check = (name: string, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min) throw new Error(`referenceWidths: options.${name} must be an integer >= ${min}, got ${String(v)}`);
  };
  check('inputSize', inputSize, 1);
  check('width', width, 1);
  check('depth', depth, 0);
  check('classes', classes, 1);
  return depth === 0 ? [inputSize, classes] : [inputSize, ...new Array<number>(depth).fill(width), classes];
}
