import type { Dataset, Split } from '../types.ts';

/**
 * A small synthetic Dataset for tests: `train`/`test` given as arrays of images (each an array of
 * `channels × pixelsPerChannel` bytes, CHW). Labels are all 0.
 *
 * @example syntheticDataset({ name: 'mnist', channels: 1, train: [[0, 255]], test: [[1, 2]] }).train.size // 2
 */
export function syntheticDataset(options: {
  readonly name: 'mnist' | 'cifar10';
  readonly channels: number;
  readonly train: readonly (readonly number[])[];
  readonly test?: readonly (readonly number[])[];
  readonly label?: string;
}): Dataset {
  const split = (images: readonly (readonly number[])[]): Split => {
    const size = images[0]!.length;
    return { count: images.length, size, pixels: Uint8Array.from(images.flat()), labels: new Uint8Array(images.length) };
  };
  const train = split(options.train);
  return {
    name: options.name,
    label: options.label ?? `synthetic ${options.name}`,
    channels: options.channels,
    height: 1,
    width: train.size / options.channels,
    train,
    test: split(options.test ?? options.train),
    source: 'synthetic',
  };
}
