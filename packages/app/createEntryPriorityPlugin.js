// Makes the browser fetch the shell's entry before the preloads the backend
// adds to a page (a plugin's remote, its first API reads): Chromium fetches a
// deferred script at low priority, behind every preload, and the entry is what
// asks for /me and the plugin list.
const HtmlWebpackPlugin = require('html-webpack-plugin');

const NAME = 'EntryPriorityPlugin';

/**
 * A webpack plugin for the shell: `fetchpriority="high"` on the script tags
 * HtmlWebpackPlugin writes into index.html.
 *
 * @example
 * plugins: [new HtmlWebpackPlugin(…), createEntryPriorityPlugin()]
 */
function createEntryPriorityPlugin() {
  return {
    apply(compiler) {
      compiler.hooks.compilation.tap(NAME, (compilation) => {
        HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
          for (const tag of data.headTags) {
            if (tag.tagName === 'script' && tag.attributes.src) {
              tag.attributes.fetchpriority = 'high';
            }
          }
          return data;
        });
      });
    },
  };
}

module.exports = { createEntryPriorityPlugin };
