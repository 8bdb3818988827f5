import { matchPath } from 'react-router';
import type { PluginListItem } from './PluginListItem';

/** The shell's route of the entity page, Backstage's URL shape. */
export const entityRoutePath = '/catalog/:namespace/:kind/:name';

/**
 * Which plugin draws the main content at `pathname`: on an entity page, the
 * owner of the tab the path names; elsewhere, the owner of a matching page.
 * The shell preloads it while the first render happens.
 */
export function findPluginForPath(plugins: PluginListItem[], pathname: string): string | undefined {
  const entity = matchPath({ path: `${entityRoutePath}/*` }, pathname);
  if (entity) {
    const tab = entity.params['*']?.split('/')[0];
    return tab
      ? plugins.find((plugin) => plugin.frontend?.entityTabs.some((t) => t.path === tab))?.id
      : undefined;
  }
  return plugins.find((plugin) =>
    plugin.frontend?.pages.some((page) => matchPath({ path: `${page.path.replace(/\/$/, '')}/*` }, pathname)),
  )?.id;
}
