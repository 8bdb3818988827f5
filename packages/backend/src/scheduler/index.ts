export * from './createScheduler';
export * from './parseDuration';
export * from './Scheduler';
