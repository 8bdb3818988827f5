export * from './catalogPlugin';
