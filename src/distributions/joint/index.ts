/** Finite joint laws of (x, y) with exact rational probabilities, and exact predicates on them. */
export type { JointAtom, JointDiscrete } from './types.ts';
export { jointExpectation } from './jointExpectation.ts';
export { hasSymmetricMarginals } from './hasSymmetricMarginals.ts';
export { isIdenticallyDistributed } from './isIdenticallyDistributed.ts';
export { isUncorrelated } from './isUncorrelated.ts';
export { isSignFlipSymmetric } from './isSignFlipSymmetric.ts';
export { isInvariant } from './isInvariant.ts';
export { isIndependent } from './isIndependent.ts';
export { independentJoint } from './independentJoint.ts';
export { lemma2Counterexample } from './lemma2Counterexample.ts';
export { normalizedJoint } from './normalizedJoint.ts';
