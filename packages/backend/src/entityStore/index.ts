export * from './createEntityStore';
