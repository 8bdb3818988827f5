export * from './entity';
export * from './errors';
export * from './events';
export * from './permissions';
