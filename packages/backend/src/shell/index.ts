export * from './createShellRouter';
