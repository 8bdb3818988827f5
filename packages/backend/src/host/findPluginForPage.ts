import type { PluginRuntime } from './PluginRuntime';

/** The shell's entity page route, `/catalog/:namespace/:kind/:name`, then the tab's path. */
const ENTITY_ROUTE_SEGMENTS = 4;

const segmentsOf = (path: string) => path.split('/').filter((segment) => segment !== '');

/** Whether `pattern` (`/catalog`, `/teams/:id`) matches the start of `path`, segment by segment, ignoring case as the shell's router does. */
function matchesStart(pattern: string[], path: string[]): boolean {
  return (
    pattern.length <= path.length &&
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
    runtime.plugin.manifest.frontend?.pages.some((page) => matchesStart(segmentsOf(page.path), path)),
  );
}
