export * from './createEventBus';
export * from './EventBus';
