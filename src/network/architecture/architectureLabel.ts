import { branchScaleLabel } from '../residual/branchScaleLabel.ts';
import type { Architecture } from './types.ts';

/**
 * The architecture as `--arch` text.
 *
 * @example architectureLabel({ kind: 'residual', scale: { kind: 'fixed', alpha: 0.1 }, variant: 'simple' }) // 'residual:0.1:simple'
 */
export function architectureLabel(a: Architecture): string {
  if (a.kind === 'plain') return 'plain';
  if (a.kind === 'residual') return `residual:${branchScaleLabel(a.scale)}:${a.variant}`;
  if (a.dims === 1) return `conv1d:${a.channels},${a.kernel},${a.stride},${a.padding}`;
  return `conv2d:${a.channels},${a.kernel},${a.height},${a.width},${a.stride},${a.padding}`;
}
