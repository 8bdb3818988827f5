// Announces the shell's startup chunks in index.html, so the browser fetches
// them while it still runs main.js instead of after main.js asks for them.
const HtmlWebpackPlugin = require('html-webpack-plugin');

const NAME = 'StartupPreloadPlugin';

/** The chunks of a module's async blocks. */
function blockChunks(chunkGraph, module) {
  return module.blocks.flatMap((block) => chunkGraph.getBlockChunkGroup(block)?.chunks ?? []);
}

/**
 * The chunks of a chunk group and of the shared modules it consumes, and of
 * those they consume in turn. A consumed module comes from the share scope,
 * where the shell provides its own copy: its chunks are those of the shell's
 * provide module of that share key, not those of the consume's fallback.
 */
function startupChunks(compilation, group) {
  const { chunkGraph } = compilation;
  const provided = new Map();
  for (const module of compilation.modules) {
    if (module.type === 'provide-module') {
      provided.set(module._name, [...(provided.get(module._name) ?? []), ...blockChunks(chunkGraph, module)]);
    }
  }
  const chunks = new Set(group.chunks);
  // A Set iterates over what is added while it iterates: a worklist.
  for (const chunk of chunks) {
    for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
      if (module.type === 'consume-shared-module') {
        for (const sharedChunk of provided.get(module.options.shareKey) ?? blockChunks(chunkGraph, module)) {
          chunks.add(sharedChunk);
        }
      }
    }
  }
  return chunks;
}

/**
 * A webpack plugin for the shell: adds `<link rel="preload">` for every JS and
 * CSS file of the async chunk group `chunkName` (the shell's bootstrap) and of
 * the shared modules that group consumes, and fetches the entry script first.
 *
 * @example
 * plugins: [new HtmlWebpackPlugin(…), createStartupPreloadPlugin({ chunkName: 'bootstrap' })]
 */
function createStartupPreloadPlugin({ chunkName }) {
  return {
    apply(compiler) {
      compiler.hooks.compilation.tap(NAME, (compilation) => {
        HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
          const group = compilation.namedChunkGroups.get(chunkName);
          if (!group) {
            throw new Error(
              `${NAME}: no chunk group named '${chunkName}'; name it with /* webpackChunkName */`,
            );
          }
          const publicPath = compilation.getPath(compilation.outputOptions.publicPath ?? '');
          const files = [...startupChunks(compilation, group)].flatMap((chunk) => [...chunk.files]);
          const links = files.flatMap((file) => {
            const as = file.endsWith('.js') ? 'script' : file.endsWith('.css') ? 'style' : undefined;
            return as
              ? [
                  {
                    tagName: 'link',
                    voidTag: true,
                    attributes: { rel: 'preload', href: `${publicPath}${file}`, as },
                    meta: { plugin: NAME },
                  },
                ]
              : [];
          });
          // Chromium fetches a deferred script at low priority, behind every preload;
          // the entry must come first, since it asks for /me and /api/core/plugins.
          for (const tag of data.headTags) {
            if (tag.tagName === 'script' && tag.attributes.src) {
              tag.attributes.fetchpriority = 'high';
            }
          }
          data.headTags.push(...links);
          return data;
        });
      });
    },
  };
}

module.exports = { createStartupPreloadPlugin };
