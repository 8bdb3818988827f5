import {
  type Entity,
  EntityContext,
  ErrorPanel,
  getEntityRef,
  NotFoundError,
  Progress,
  useSWR,
} from '@atrium/plugin-api/frontend';
import { useContext, useEffect, useMemo } from 'react';
import { generatePath, NavLink, Route, Routes, useParams } from 'react-router';
import { CatalogMissing } from '../pages/CatalogMissing';
import { NotFoundPage } from '../pages/NotFoundPage';
import { ContributionSlot } from '../plugins/ContributionSlot';
import { entityRoutePath } from '../plugins/findPluginForPath';
import { matchesEntityFilter } from '../plugins/matchesEntityFilter';
import { PluginsContext } from '../plugins/PluginsContext';
import { useCatalog } from '../services/useCatalog';
import { useShellServices } from '../services/useShellServices';
import { useDocumentTitle } from '../useDocumentTitle';
import { EntityHeader } from './EntityHeader';
import { EntityOverview } from './EntityOverview';

const tabClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'shell-tabs__tab is-active' : 'shell-tabs__tab';

/** The frame of an entity's page, with the tabs of every plugin whose `when` matches the entity. */
function EntityFrame({ entity, basePath }: { entity: Entity; basePath: string }) {
  const plugins = useContext(PluginsContext);
  const tabs = plugins.flatMap((plugin) =>
    (plugin.frontend?.entityTabs ?? [])
      .filter((tab) => matchesEntityFilter(tab.when, entity))
      .map((tab) => ({ plugin, tab })),
  );
  const context = useMemo(() => ({ entity }), [entity]);
  return (
    <EntityContext value={context}>
      <EntityHeader entity={entity} />
      <nav aria-label="Entity sections" className="shell-tabs">
        <NavLink to={basePath} end className={tabClass}>
          Overview
        </NavLink>
        {tabs.map(({ plugin, tab }) => (
          <NavLink key={`${plugin.id}/${tab.id}`} to={`${basePath}/${tab.path}`} className={tabClass}>
            {tab.title}
          </NavLink>
        ))}
      </nav>
      <div className="shell-entity-content">
        <Routes>
          <Route index element={<EntityOverview entity={entity} />} />
          {tabs.map(({ plugin, tab }) => (
            <Route
              key={`${plugin.id}/${tab.id}`}
              path={`${tab.path}/*`}
              element={
                <ContributionSlot
                  key={`${plugin.id}/${tab.id}`}
                  plugin={plugin}
                  kind="entityTabs"
                  contributionId={tab.id}
                />
              }
            />
          ))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </div>
    </EntityContext>
  );
}

/** The entity page at `/catalog/:namespace/:kind/:name/*`, read from the catalog plugin's API. */
export function EntityPage() {
  const { namespace = '', kind = '', name = '' } = useParams();
  const catalog = useCatalog();
  const { recentlyVisited } = useShellServices();
  const path = [kind, namespace, name].map(encodeURIComponent).join('/');
  const {
    data: entity,
    error,
    mutate,
  } = useSWR<Entity>(catalog ? `${catalog.baseUrl}/entities/by-name/${path}` : null);
  useDocumentTitle(entity ? (entity.metadata.title ?? entity.metadata.name) : name);
  useEffect(() => {
    if (entity) {
      recentlyVisited.record({
        entityRef: getEntityRef(entity),
        kind: entity.kind,
        title: entity.metadata.title ?? entity.metadata.name,
      });
    }
  }, [entity, recentlyVisited]);

  if (!catalog) {
    return <CatalogMissing what="The entity page" />;
  }
  if (error instanceof NotFoundError) {
    return <ErrorPanel title={`There is no ${kind} '${namespace}/${name}' in the catalog`} error={error} />;
  }
  if (error) {
    return <ErrorPanel title="Could not load the entity" error={error} onRetry={() => void mutate()} />;
  }
  if (!entity) {
    return <Progress label="Loading the entity" />;
  }
  // Absolute tab links: relative ones would resolve against the tab's own splat path.
  return <EntityFrame entity={entity} basePath={generatePath(entityRoutePath, { namespace, kind, name })} />;
}
