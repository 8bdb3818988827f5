#!/usr/bin/env node
// Browser-test tooling: builds the remotes of the fixture plugins under
// e2e/fixtures/plugins with webpack's API, skipping those already built from
// the current sources. The browser tests run it before they start the portal.
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { dirname, join } = require('node:path');
const webpack = require('webpack');

const fixturesDir = join(__dirname, 'fixtures/plugins');
/** Build tooling every fixture depends on: a change to it rebuilds them all. */
const tooling = [
  __filename,
  join(__dirname, 'createBrokenRemoteWebpackConfig.js'),
  join(__dirname, '../createRemoteWebpackConfig.js'),
  join(__dirname, '../createWebpackBase.js'),
  join(__dirname, '../moduleFederationShared.js'),
];
const STAMP = '.built';

function newestChange(paths) {
  let newest = 0;
  for (const path of paths) {
    const stat = statSync(path);
    newest = Math.max(
      newest,
      stat.isDirectory()
        ? newestChange(
            readdirSync(path)
              .filter((name) => name !== 'dist')
              .map((name) => join(path, name)),
          )
        : stat.mtimeMs,
    );
  }
  return newest;
}

/** The fixture frontends whose build is missing or older than their sources. */
function staleFrontends() {
  const toolingChange = newestChange(tooling);
  return readdirSync(fixturesDir)
    .map((id) => join(fixturesDir, id, 'frontend'))
    .filter((frontendDir) => existsSync(join(frontendDir, 'webpack.config.js')))
    .filter((frontendDir) => {
      const stamp = join(frontendDir, 'dist', STAMP);
      const sources = Math.max(
        toolingChange,
        newestChange([frontendDir, join(dirname(frontendDir), 'plugin.yaml')]),
      );
      return !existsSync(stamp) || statSync(stamp).mtimeMs < sources;
    });
}

/** Builds every stale fixture remote in one webpack run; resolves when all are written. */
function buildFixtureRemotes() {
  const frontends = staleFrontends();
  if (frontends.length === 0) {
    return Promise.resolve([]);
  }
  const configs = frontends.map((frontendDir) => ({
    ...require(join(frontendDir, 'webpack.config.js'))({}, { mode: 'production' }),
    // The federation plugin's notes about publicPath would drown the test output.
    infrastructureLogging: { level: 'error' },
  }));
  return new Promise((resolve, reject) => {
    webpack(configs, (error, stats) => {
      if (error || stats?.hasErrors()) {
        reject(error ?? new Error(stats?.toString('errors-only')));
        return;
      }
      for (const frontendDir of frontends) {
        writeFileSync(join(frontendDir, 'dist', STAMP), '');
      }
      resolve(frontends);
    });
  });
}

module.exports = { buildFixtureRemotes };

if (require.main === module) {
  buildFixtureRemotes().then(
    (built) =>
      console.log(
        built.length ? `Built ${built.length} fixture remote(s)` : 'Fixture remotes are up to date',
      ),
    (error) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
