/** MetaInit (Dauphin & Schoenholz 2019) as the authors run it, and its gradient quotient. */
export { gradientQuotient, type GradientQuotientOptions } from './gradientQuotient.ts';
export { metaInit, type MetaInitDegeneration, type MetaInitOptions, type MetaInitResult, type MetaInitStepInfo } from './metaInit.ts';
export { metaInitNetwork, type MetaInitNetwork, type MetaInitNetworkOptions } from './metaInitNetwork.ts';
