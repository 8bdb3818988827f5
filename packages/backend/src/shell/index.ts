export * from './createShellContentSecurityPolicy';
export * from './createShellRouter';
