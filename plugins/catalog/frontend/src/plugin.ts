import './catalog.css';
import { defineFrontendPlugin } from '@atrium/plugin-api/frontend';
import { AboutCard } from './AboutCard';
import { CatalogPage } from './CatalogPage';
import { RelationsTab } from './RelationsTab';

/**
 * The catalog plugin's frontend half: the catalog page, the entity "About"
 * card and the "Relations" tab. The page is not split into a lazy chunk: the
 * whole remote is a few kilobytes, and a second round trip would delay the
 * first paint of /catalog more than the bytes it saves elsewhere.
 */
export const catalogPlugin = defineFrontendPlugin({
  id: 'catalog',
  pages: { 'catalog-index': CatalogPage },
  entityTabs: { relations: RelationsTab },
  entityCards: { about: AboutCard },
});
