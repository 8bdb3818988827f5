export * from './createBackend';
