export * from './createRootLogger';
export * from './currentRequestId';
export * from './runWithRequestId';
