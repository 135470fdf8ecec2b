export * from './figure1Spec.ts';
export * from './figure2Spec.ts';
export * from './figure2GridSpec.ts';
export * from './figure3Spec.ts';
export * from './renderSvg.ts';
export * from './writeSvg.ts';
export * from './renderPng.ts';
export * from './pngPathFor.ts';
