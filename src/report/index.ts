export * from './runVerification.ts';
export * from './serialize.ts';
export * from './markdown.ts';
export * from './writeReports.ts';
export * from './summary.ts';
export * from './atomicWrite.ts';
