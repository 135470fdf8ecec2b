/** One split (train or test) of an image data set, as raw bytes straight from the files. */
export interface Split {
  readonly count: number;
  readonly size: number;
  /** count × size raw bytes, image-major; MNIST 28×28 row-major, CIFAR-10 as in the file: 1024 R, 1024 G, 1024 B (CHW). */
  readonly pixels: Uint8Array;
  readonly labels: Uint8Array;
}

/** An image classification data set with its train and test splits. */
export interface Dataset {
  readonly name: 'mnist' | 'cifar10';
  /** display label: 'MNIST', 'CIFAR-10' or 'CIFAR-10 (JPEG-q75 stand-in)' */
  readonly label: string;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly train: Split;
  readonly test: Split;
  /** where it was read from */
  readonly source: string;
}

/** Bad data (missing, truncated, wrong size, wrong magic, checksum mismatch): the CLI maps it to exit code 2, one line. */
export class DataError extends Error {
  override readonly name = 'DataError';
}
