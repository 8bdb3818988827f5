export * from './defineFrontendPlugin';
export * from './FrontendPlugin';
export * from './isFrontendPlugin';
