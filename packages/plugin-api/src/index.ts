export * from './backend';
export * from './common';
export * from './manifest';
export * from './pluginApiMajor';
