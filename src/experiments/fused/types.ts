/**
 * A fully connected leaky-ReLU network as the fused engine holds it: widths (n_0, …, n_L) of its
 * L Linears, each weight W_l an n_l × n_{l−1} row-major float32 matrix (PyTorch's
 * `nn.Linear.weight` layout, y = W x + b), an optional bias b_l of n_l entries, the slope a of
 * φ_a, and where φ_a is applied (`activateInput` true: before every Linear — the paper's
 * network; false: between Linears only — the authors' code, REFERENCE-SETUP.md).
 */
export interface FusedNetworkSpec {
  readonly widths: readonly number[];
  /** L matrices, weights[l − 1] of n_l · n_{l−1} entries. */
  readonly weights: readonly Float32Array[];
  /** L bias vectors (n_l entries each), or null for a network without biases. */
  readonly biases: readonly Float32Array[] | null;
  readonly slope: number;
  readonly activateInput: boolean;
}

/** PyTorch's Adam hyper-parameters (`torch.optim.Adam`, no weight decay, no amsgrad). */
export interface FusedAdamOptions {
  readonly learningRate: number;
  readonly beta1: number;
  readonly beta2: number;
  readonly epsilon: number;
}
