/** The two input preprocessings of the suite (see {@link preprocessParameters}). */
export type PreprocessingMethod = 'authors' | 'standardize';

export const PREPROCESSING_METHODS: readonly PreprocessingMethod[] = ['authors', 'standardize'];

/**
 * The authors' torchvision constants (REFERENCE-SETUP.md, Data): ToTensor (pixels/255), then
 * Normalize(mean, std) per channel. Note the CIFAR-10 "std" values are not the data's standard
 * deviations (≈ 0.247, 0.243, 0.261): under them the preprocessed channels have variance ≈ 1.5.
 */
export const AUTHORS_NORMALIZATION: Readonly<Record<'mnist' | 'cifar10', { readonly mean: readonly number[]; readonly std: readonly number[] }>> = {
  mnist: { mean: [0.1307], std: [0.3081] },
  cifar10: { mean: [0.4914, 0.4822, 0.4465], std: [0.2023, 0.1994, 0.2010] },
};

/** Per-channel affine map of a preprocessing: x = (byte/255 − mean[c]) / std[c]. */
export interface PreprocessParameters {
  readonly method: PreprocessingMethod;
  /** Subtracted from byte/255, one per channel. */
  readonly mean: readonly number[];
  /** Divides byte/255 − mean, one per channel, > 0. */
  readonly std: readonly number[];
}

/** A data set after preprocessing: float32 values, same layout as the bytes (image-major, CHW). */
export interface PreprocessedDataset {
  readonly parameters: PreprocessParameters;
  readonly channels: number;
  /** Values per image (channels × height × width). */
  readonly size: number;
  readonly train: { readonly count: number; readonly size: number; readonly values: Float32Array; readonly labels: Uint8Array };
  readonly test: { readonly count: number; readonly size: number; readonly values: Float32Array; readonly labels: Uint8Array };
}
