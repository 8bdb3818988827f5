const { createRemoteWebpackConfig } = require('@atrium/app/createRemoteWebpackConfig');

module.exports = createRemoteWebpackConfig({
  manifestFile: require.resolve('../plugin.yaml'),
  frontendDir: __dirname,
});
