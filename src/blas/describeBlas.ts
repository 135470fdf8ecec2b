import type { BlasInfo } from './types.ts';

/**
 * One line for stderr and logs.
 *
 * @example describeBlas(initBlas({ requested: 'off' }).info) // 'blas: wasm (off: tfjs backend matMul …)'
 */
export function describeBlas(info: BlasInfo): string {
  if (info.provider === 'wasm') {
    const why = info.source === 'auto' ? `no system BLAS found${info.unavailable.length > 0 ? ` (tried ${info.unavailable.map((u) => u.library).join(', ')})` : ''}` : `${info.source === 'option' ? '--blas' : 'VV_BLAS'} off`;
    return `blas: wasm — ${why}; products on the tfjs backend / JavaScript`;
  }
  return `blas: ${info.provider} ${info.library}${info.kernel === null ? '' : `, kernel ${info.kernel}`}, ${info.threads ?? 'its own'} thread(s)${info.config === null ? '' : ` [${info.config}]`} (${info.source})`;
}
