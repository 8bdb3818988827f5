// The shell's build: a Module Federation host with no remotes known at build
// time. Plugins are registered at run time from GET /api/core/plugins.
const { dirname, join } = require('node:path');
const { ModuleFederationPlugin } = require('@module-federation/enhanced/webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { createSharedDependencies } = require('./moduleFederationShared');
const { createEntryPriorityPlugin } = require('./createEntryPriorityPlugin');
const { createWebpackBase } = require('./createWebpackBase');

const pluginApiRoot = dirname(require.resolve('@atrium/plugin-api/package.json'));

module.exports = (_env, argv = {}) => {
  const base = createWebpackBase({ mode: argv.mode });
  return {
    ...base,
    context: __dirname,
    entry: { main: './src/index.ts' },
    output: {
      path: join(__dirname, 'dist'),
      // Absolute, so deep links such as /catalog/default/component/x load /main.js.
      publicPath: '/',
      // The entry keeps a fixed name (served no-cache): a hash in it breaks the
      // federation runtime with webpack >= 5.111 (module-federation/core#5077).
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      clean: true,
    },
    resolve: {
      ...base.resolve,
      alias: {
        // Compiled from source, so the shared kit module tree-shakes the libraries it wraps.
        '@atrium/plugin-api/frontend$': join(pluginApiRoot, 'src/frontend/index.ts'),
      },
    },
    plugins: [
      ...base.plugins,
      new ModuleFederationPlugin({
        name: 'atrium_shell',
        remotes: {},
        shared: createSharedDependencies({ role: 'host' }),
        // Remotes load only when needed; a broken one never takes part in startup.
        shareStrategy: 'loaded-first',
        manifest: false,
        dts: false,
      }),
      new HtmlWebpackPlugin({ template: './public/index.html', favicon: './public/favicon.svg' }),
      createEntryPriorityPlugin(),
    ],
  };
};
