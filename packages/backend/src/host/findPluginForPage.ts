import type { PluginRuntime } from './PluginRuntime';

/** The shell's entity page route, `/catalog/:namespace/:kind/:name`, then the tab's path. */
const ENTITY_ROUTE_SEGMENTS = 4;

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment !== '');

/**
 * Whether a page path (`/catalog`, `/teams/:id`) matches `pathname`, segment by
 * segment and ignoring case as the shell's router does: its start, or with
 * `exact` all of it.
 */
export function pagePathMatches(pagePath: string, pathname: string, { exact = false } = {}): boolean {
  const pattern = segmentsOf(pagePath);
  const path = segmentsOf(pathname);
  return (
    (exact ? pattern.length === path.length : pattern.length <= path.length) &&
    pattern.every((segment, i) => segment.startsWith(':') || segment.toLowerCase() === path[i]?.toLowerCase())
  );
}

/**
 * The plugin whose code draws the main content of the shell page at
 * `pathname`, as the shell decides it (packages/app findPluginForPath): on an
 * entity page the owner of the tab the path names, elsewhere the owner of the
 * first page whose path starts it.
 */
export function findPluginForPage(
  runtimes: readonly PluginRuntime[],
  pathname: string,
): PluginRuntime | undefined {
  const path = segmentsOf(pathname);
  if (path[0] === 'catalog' && path.length >= ENTITY_ROUTE_SEGMENTS) {
    const tab = path[ENTITY_ROUTE_SEGMENTS];
    return tab === undefined
      ? undefined
      : runtimes.find((runtime) =>
          runtime.plugin.manifest.frontend?.entityTabs.some((entityTab) => entityTab.path === tab),
        );
  }
  return runtimes.find((runtime) =>
    runtime.plugin.manifest.frontend?.pages.some((page) => pagePathMatches(page.path, pathname)),
  );
}
