// The one list of Module Federation shared dependencies. The shell's build and
// every plugin's build take it from here, so all agree on what is a singleton.
const { readFileSync } = require('node:fs');

/** The version of a package as installed next to the shell, so every build agrees with what the shell ships. */
function installedVersion(name) {
  const packageJson = require.resolve(`${name}/package.json`, { paths: [__dirname] });
  return JSON.parse(readFileSync(packageJson, 'utf8')).version;
}

/** `^major.0.0` (or `^0.minor.0` below 1.0) of the installed version: any compatible release satisfies a plugin. */
function compatibleRange(name) {
  const [major, minor] = installedVersion(name).split('.');
  return major === '0' ? `^0.${minor}.0` : `^${major}.0.0`;
}

/**
 * The packages that must exist once in the page: React (with its subpaths such as
 * `react/jsx-runtime` and `react-dom/client`), the router, the frontend part of
 * `@atrium/plugin-api` (which holds the UI kit and re-exports the data-fetching
 * hooks) and SWR itself, whose cache must be shared.
 */
const sharedPackages = {
  react: 'react',
  'react/': 'react',
  'react-dom': 'react-dom',
  'react-dom/': 'react-dom',
  'react-router': 'react-router',
  '@atrium/plugin-api/frontend': '@atrium/plugin-api',
  swr: 'swr',
  'swr/': 'swr',
};

/**
 * The `shared` option of `ModuleFederationPlugin` for the shell (`role: 'host'`,
 * which provides the modules) or a plugin (`role: 'remote'`, which ships no copy
 * and always uses the shell's: `import: false`).
 *
 * @example
 * new ModuleFederationPlugin({ name: 'hello', shared: createSharedDependencies({ role: 'remote' }) })
 */
function createSharedDependencies({ role }) {
  return Object.fromEntries(
    Object.entries(sharedPackages).map(([key, packageName]) => [
      key,
      {
        singleton: true,
        requiredVersion: compatibleRange(packageName),
        ...(role === 'remote' ? { import: false } : {}),
      },
    ]),
  );
}

module.exports = { createSharedDependencies, sharedPackages };
