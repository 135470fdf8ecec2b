/**
 * Statistical assertions with stated error rates, in the grammar of TensorFlow Probability's
 * statistical testing helpers: assert (a check with its false-alarm probability and power), the
 * smallest deviation a sample detects, the sample size a deviation needs; plus the Bonferroni split
 * and an audit of a stated false-alarm rate. Every record is plain JSON-ready data.
 */
export type { ConsistencyDecision, ConsistencyRecord, FalseAlarmAudit } from './types.ts';
export {
  assertEstimateConsistent,
  type AssertEstimateConsistentOptions,
  type ReachOptions,
} from './assertEstimateConsistent.ts';
export {
  minDetectableAbsoluteDeviation,
  type MinDetectableAbsoluteDeviationOptions,
} from './minDetectableAbsoluteDeviation.ts';
export {
  minDetectableRelativeDeviation,
  type MinDetectableRelativeDeviationOptions,
} from './minDetectableRelativeDeviation.ts';
export {
  minSamplesForRelativeDeviation,
  type MinSamplesForRelativeDeviationOptions,
} from './minSamplesForRelativeDeviation.ts';
export { bonferroni, type BonferroniOptions } from './bonferroni.ts';
export { auditFalseAlarmRate, type AuditFalseAlarmRateOptions } from './auditFalseAlarmRate.ts';
