export * from './parseCliArgs';
export * from './startCommand';
