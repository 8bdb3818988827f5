// The build settings the shell and every plugin remote share: TypeScript through
// swc, CSS extracted to hashed files, esbuild as the minifier (terser is 3x slower
// on react-dom for a 3–6 % smaller output), and no eval-based source maps, which
// the backend's Content-Security-Policy would block.
const MiniCssExtractPlugin = require('mini-css-extract-plugin');
const { EsbuildPlugin } = require('esbuild-loader');

/**
 * The part of a webpack config common to the shell and the plugin remotes.
 *
 * @example
 * module.exports = (env, argv) => ({ ...createWebpackBase({ mode: argv.mode }), entry: … });
 */
function createWebpackBase({ mode = 'production' } = {}) {
  const production = mode === 'production';
  return {
    mode,
    devtool: production ? 'source-map' : 'cheap-module-source-map',
    resolve: {
      extensions: ['.tsx', '.ts', '.jsx', '.js'],
      // Sources written for Node's ESM resolution import './X.js' for a './X.tsx' file.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.[jt]sx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            options: {
              jsc: {
                parser: { syntax: 'typescript', tsx: true },
                target: 'es2022',
                transform: { react: { runtime: 'automatic', development: !production } },
              },
            },
          },
        },
        { test: /\.css$/, use: [MiniCssExtractPlugin.loader, 'css-loader'] },
      ],
    },
    plugins: [
      new MiniCssExtractPlugin({
        filename: '[name].[contenthash:8].css',
        chunkFilename: '[name].[contenthash:8].css',
      }),
    ],
    optimization: {
      // `format: undefined` stops esbuild-loader from wrapping files in an IIFE, which
      // would hide a remote's container global (`var <remote> = …`) from the shell.
      minimizer: [new EsbuildPlugin({ target: 'es2022', format: undefined, css: true })],
    },
    performance: { hints: false },
    stats: 'errors-warnings',
  };
}

module.exports = { createWebpackBase };
