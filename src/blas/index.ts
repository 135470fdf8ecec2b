export type { BlasInfo, BlasProvider, Gemm, SgemmArgs } from './types.ts';
export { initBlas, currentGemm, type InitBlasOptions } from './initBlas.ts';
export { describeBlas } from './describeBlas.ts';
export { blasSignature } from './blasSignature.ts';
export { blasThreads } from './blasThreads.ts';
export { jsSgemm } from './jsSgemm.ts';
