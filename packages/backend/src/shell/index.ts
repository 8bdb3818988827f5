export * from './createShellContentSecurityPolicy';
export * from './createShellRouter';
export * from './injectPreloadLinks';
export * from './PreloadLink';
