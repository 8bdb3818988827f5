export * from './coreServices';
export * from './createBackendPlugin';
export * from './createServiceRef';
export * from './services';
