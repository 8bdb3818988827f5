// Browser-test tooling: builds a fixture remote, then deletes some of what it
// emitted, so the tests can see how the shell copes with a half-deployed plugin.
const { rmSync } = require('node:fs');
const { join } = require('node:path');
const { createRemoteWebpackConfig } = require('../createRemoteWebpackConfig');

/**
 * A remote's webpack config (see `createRemoteWebpackConfig`) that removes the
 * emitted files whose names match `remove` once the build has written them.
 *
 * @example
 * module.exports = createBrokenRemoteWebpackConfig({ manifestFile, frontendDir: __dirname, remove: /^remoteEntry\.js$/ });
 */
function createBrokenRemoteWebpackConfig({ remove, ...options }) {
  const createConfig = createRemoteWebpackConfig(options);
  return (env, argv) => {
    const config = createConfig(env, argv);
    const removeFiles = {
      apply(compiler) {
        compiler.hooks.afterEmit.tap('RemoveEmittedFiles', (compilation) => {
          for (const name of Object.keys(compilation.assets).filter((asset) => remove.test(asset))) {
            rmSync(join(compiler.outputPath, name), { force: true });
          }
        });
      },
    };
    return { ...config, plugins: [...config.plugins, removeFiles] };
  };
}

module.exports = { createBrokenRemoteWebpackConfig };
