// Builds a plugin's frontend as a Module Federation remote that the shell loads
// at run time. Everything comes from the plugin's plugin.yaml, so a plugin's
// webpack.config.js is two lines and the build never drifts from the manifest.
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join, resolve } = require('node:path');
const { ModuleFederationPlugin } = require('@module-federation/enhanced/webpack');
const { parsePluginManifest } = require('@atrium/plugin-api');
const { createSharedDependencies } = require('./moduleFederationShared');
const { createWebpackBase } = require('./createWebpackBase');

/**
 * The webpack config of one plugin's remote. It reads `plugin.yaml` for the
 * container name (`frontend.remote`), the output folder (the folder of
 * `frontend.entry`) and the exposed module (`frontend.export`, e.g.
 * `./plugin#helloPlugin` exposes `./plugin` from `src/plugin.ts` or `.tsx`).
 * `frontendDir` is the frontend package's folder (default: the working
 * directory, which is right under `npm run build`); `exposes` overrides the
 * derived exposes.
 *
 * @example
 * // plugins/hello/frontend/webpack.config.js
 * const { createRemoteWebpackConfig } = require('@atrium/app/createRemoteWebpackConfig');
 * module.exports = createRemoteWebpackConfig({ manifestFile: require.resolve('../plugin.yaml') });
 */
function createRemoteWebpackConfig({ manifestFile, frontendDir = process.cwd(), exposes }) {
  const manifest = parsePluginManifest(readFileSync(manifestFile, 'utf8'), manifestFile);
  const frontend = manifest.frontend;
  if (!frontend) {
    throw new Error(`${manifestFile}: has no 'frontend:' section, so there is no remote to build`);
  }
  const pluginRoot = dirname(manifestFile);
  const exposedModule = frontend.export.split('#')[0];
  const outputPath = resolve(pluginRoot, dirname(frontend.entry));
  const sourceBase = join(frontendDir, 'src', exposedModule.slice(2));
  const exposedSource = existsSync(`${sourceBase}.tsx`) ? `${sourceBase}.tsx` : `${sourceBase}.ts`;
  return (_env, argv = {}) => {
    const base = createWebpackBase({ mode: argv.mode });
    return {
      ...base,
      context: frontendDir,
      // The container is the only entry.
      entry: {},
      output: {
        path: outputPath,
        publicPath: 'auto',
        uniqueName: frontend.remote,
        filename: '[name].js',
        chunkFilename: '[name].[contenthash:8].js',
        sourceMapFilename: '[file].map',
        clean: true,
      },
      plugins: [
        ...base.plugins,
        new ModuleFederationPlugin({
          name: frontend.remote,
          filename: 'remoteEntry.js',
          exposes: exposes ?? { [exposedModule]: exposedSource },
          shared: createSharedDependencies({ role: 'remote' }),
          shareStrategy: 'loaded-first',
          manifest: true,
          dts: false,
        }),
      ],
    };
  };
}

module.exports = { createRemoteWebpackConfig };
