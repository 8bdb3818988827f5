import type { PreloadLink } from '../shell/PreloadLink';
import { findPluginForPage, pagePathMatches } from './findPluginForPage';
import type { PluginRuntime } from './PluginRuntime';
import { readRemotePreloads } from './readRemotePreloads';

/**
 * What the shell page at `pathname` will fetch from the plugin that draws it:
 * the first API reads of the page's default view (its `preload` paths, only
 * when the URL has no query, since a query changes what the page reads), then
 * the plugin's remote files.
 */
export async function findPagePreloads(
  runtimes: readonly PluginRuntime[],
  pathname: string,
  query: string,
): Promise<PreloadLink[]> {
  const runtime = findPluginForPage(runtimes, pathname);
  if (!runtime) {
    return [];
  }
  const { id, frontend } = runtime.plugin.manifest;
  const reads =
    query === ''
      ? (frontend?.pages ?? [])
          .filter((page) => pagePathMatches(page.path, pathname, { exact: true }))
          .flatMap((page) => page.preload ?? [])
          .map((path): PreloadLink => ({ href: `/api/${id}${path}`, as: 'fetch' }))
      : [];
  return [...reads, ...(await readRemotePreloads(runtime))];
}
