import './catalog.css';
import { defineFrontendPlugin } from '@atrium/plugin-api/frontend';
import { AboutCard } from './AboutCard';
import { ApiDefinitionTab } from './apiDefinition/ApiDefinitionTab';
import { CatalogRoutes } from './CatalogRoutes';
import { GroupMembersCard } from './GroupMembersCard';
import { DependencyGraphTab } from './graph/DependencyGraphTab';
import { OwnedEntitiesCard } from './OwnedEntitiesCard';
import { ProcessingErrorsCard } from './ProcessingErrorsCard';
import { RelationsCard } from './RelationsCard';
import { RelationsTab } from './RelationsTab';
import { UserProfileCard } from './UserProfileCard';

/**
 * The catalog plugin's frontend half: the catalog page (and the register page
 * below it), the entity overview's cards and the "Relations" tab. The catalog
 * page is not a lazy chunk: the remote is a few kilobytes, and a second round
 * trip would delay the first paint of /catalog more than the bytes it saves.
 */
export const catalogPlugin = defineFrontendPlugin({
  id: 'catalog',
  pages: { 'catalog-index': CatalogRoutes },
  entityTabs: { relations: RelationsTab, graph: DependencyGraphTab, 'api-definition': ApiDefinitionTab },
  entityCards: {
    'processing-errors': ProcessingErrorsCard,
    about: AboutCard,
    relations: RelationsCard,
    'group-members': GroupMembersCard,
    'user-profile': UserProfileCard,
    'owned-entities': OwnedEntitiesCard,
  },
});
