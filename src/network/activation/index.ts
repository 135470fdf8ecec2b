export { ACTIVATION_NAMES, activationLabel, SELU_ALPHA, SELU_SCALE, type Activation } from './types.ts';
export { activationFunction } from './activationFunction.ts';
export { applyActivation } from './applyActivation.ts';
export { parseActivation } from './parseActivation.ts';
export { standardGain } from './standardGain.ts';
export { secondMomentGain } from './secondMomentGain.ts';
export { initGain } from './initGain.ts';
