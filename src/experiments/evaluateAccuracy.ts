import * as tf from '@tensorflow/tfjs-core';
import { forward, type Network } from '../network/forward.ts';
import type { LabelledData } from './trainNetwork.ts';

/** Options of {@link evaluateAccuracy}. */
export interface EvaluateAccuracyOptions {
  /** Network for the shared forward pass, unbatched weights [fanOut, fanIn]. */
  readonly network: Network;
  /** The examples (preprocessed, image-major) and their labels. */
  readonly data: LabelledData;
  /** Examples per forward pass (default 1000); only memory depends on it. */
  readonly chunkSize?: number;
}

/** Outcome of {@link evaluateAccuracy}. */
export interface AccuracyResult {
  /** correct / count, or null when some logit was NaN or ±Inf (a diverged network is not scored). */
  readonly accuracy: number | null;
  /** Examples whose arg-max logit is their label (ties: the first maximal class, as torch.argmax). */
  readonly correct: number;
  readonly count: number;
  /** Examples with at least one non-finite logit. */
  readonly nonFinite: number;
}

/**
 * Top-1 accuracy of `network` on EVERY example of `data` (PyTorch's test loop: arg-max of the
 * logits against the label), evaluated in chunks of `chunkSize` inside tf.tidy; the arg-max is
 * taken in JavaScript from the downloaded float32 logits, so that a non-finite logit is seen and
 * reported (accuracy null) instead of silently scoring as class 0.
 *
 * @example evaluateAccuracy({ network: { layers: [{ weight: tf.tensor2d([[1], [-1]]) }], slope: 0, activateInput: false },
 *   data: { values: new Float32Array([2, -3]), labels: new Uint8Array([0, 0]), count: 2, size: 1 } }).accuracy
 * // 0.5  (logits [2, −2] → class 0 ✓; [−3, 3] → class 1 ✗)
 * @throws Error naming the field when `data` or `chunkSize` is malformed.
 */
export function evaluateAccuracy(options: EvaluateAccuracyOptions): AccuracyResult {
  const { network, data } = options;
  const chunkSize = options.chunkSize ?? 1000;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw new Error(`evaluateAccuracy: options.chunkSize must be an integer ≥ 1, got ${String(chunkSize)}`);
  const { count, size, values, labels } = data;
  if (!Number.isSafeInteger(count) || count < 1) throw new Error(`evaluateAccuracy: options.data.count must be an integer ≥ 1, got ${String(count)}`);
  if (!Number.isSafeInteger(size) || size < 1) throw new Error(`evaluateAccuracy: options.data.size must be an integer ≥ 1, got ${String(size)}`);
  if (values.length !== count * size) throw new Error(`evaluateAccuracy: options.data.values has length ${values.length}, expected count × size = ${count * size}`);
  if (labels.length !== count) throw new Error(`evaluateAccuracy: options.data.labels has length ${labels.length}, expected count = ${count}`);
  let correct = 0;
  let nonFinite = 0;
  for (let start = 0; start < count; start += chunkSize) {
    const rows = Math.min(chunkSize, count - start);
    const output = tf.tidy(() => forward(network, tf.tensor2d(values.subarray(start * size, (start + rows) * size), [rows, size])).output);
    const logits = output.dataSync();
    output.dispose();
    const classes = logits.length / rows;
    for (let r = 0; r < rows; r++) {
      let best = 0;
      let finite = true;
      for (let c = 0; c < classes; c++) {
        const z = logits[r * classes + c]!;
        if (!Number.isFinite(z)) finite = false;
        else if (z > logits[r * classes + best]!) best = c;
      }
      if (!finite) nonFinite++;
      else if (best === labels[start + r]) correct++;
    }
  }
  return { accuracy: nonFinite > 0 ? null : correct / count, correct, count, nonFinite };
}
