import { parseBranchScale } from '../residual/parseBranchScale.ts';
import type { Architecture } from './types.ts';

const FORMS = 'plain, residual:ALPHA[:simple|pre|post], conv1d:C,K,S[,circular|zero], conv2d:C,K,H,W[,S][,circular|zero]';

/**
 * Parses `--arch`: `plain`; `residual:ALPHA[:VARIANT]` (ALPHA a number in [0, 1], `1/sqrt(L)`,
 * `1/L` or `zero`; VARIANT `simple` (default: y + α·W·φ(y)), `pre` or `post`);
 * `conv1d:C,K,S[,PAD]` (C channels, kernel K, stride S; the signal length is `--width`);
 * `conv2d:C,K,H,W[,S][,PAD]` (H × W positions, stride S default 1). PAD: `circular` (default) or `zero`.
 *
 * @example parseArchitecture('conv1d:4,3,8') // { kind: 'conv', dims: 1, channels: 4, kernel: 3, stride: 8, padding: 'circular' }
 * @throws Error naming the bad part, e.g. "conv1d:C,K,S: K must be an integer >= 1, got 'x'".
 */
export function parseArchitecture(text: string): Architecture {
  const t = text.trim().toLowerCase();
  if (t === 'plain') return { kind: 'plain' };
  const residual = /^residual:([^:]*)(?::(.*))?$/.exec(t);
  if (residual !== null) {
    const scale = parseBranchScale(residual[1]!);
    const variant = (residual[2] ?? 'simple').trim();
    if (variant !== 'simple' && variant !== 'pre' && variant !== 'post') throw new Error(`residual variant must be simple, pre or post, got '${variant}'`);
    return { kind: 'residual', scale, variant };
  }
  const conv = /^conv([12])d:(.*)$/.exec(t);
  if (conv === null) throw new Error(`unknown architecture '${text}' (one of ${FORMS})`);
  const dims = conv[1] === '1' ? 1 : 2;
  const form = dims === 1 ? 'conv1d:C,K,S' : 'conv2d:C,K,H,W';
  const parts = conv[2]!.split(',').map((p) => p.trim());
  let padding: 'circular' | 'zero' = 'circular';
  if (parts.length > 0 && (parts[parts.length - 1] === 'circular' || parts[parts.length - 1] === 'zero')) padding = parts.pop() as 'circular' | 'zero';
  const names = dims === 1 ? ['C', 'K', 'S'] : ['C', 'K', 'H', 'W', 'S'];
  const required = dims === 1 ? 3 : 4;
  if (parts.length < required || parts.length > names.length) throw new Error(`${form} needs ${required === 3 ? '3' : '4 or 5'} integers then optionally circular|zero, got '${conv[2]}'`);
  const values = parts.map((p, i) => {
    const v = /^\d+$/.test(p) ? Number(p) : Number.NaN;
    if (!Number.isSafeInteger(v) || v < 1) throw new Error(`${form}: ${names[i]} must be an integer >= 1, got '${p}'`);
    return v;
  });
  if (dims === 1) return { kind: 'conv', dims, channels: values[0]!, kernel: values[1]!, stride: values[2]!, padding };
  return { kind: 'conv', dims, channels: values[0]!, kernel: values[1]!, height: values[2]!, width: values[3]!, stride: values[4] ?? 1, padding };
}
