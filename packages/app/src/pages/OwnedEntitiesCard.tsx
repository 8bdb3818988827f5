import {
  Card,
  type Entity,
  EntityRefLink,
  ErrorPanel,
  Progress,
  Tag,
  useIdentity,
  useSWR,
} from '@atrium/plugin-api/frontend';
import type { ReactNode } from 'react';
import { useCatalog } from '../services/useCatalog';
import { CatalogMissing } from './CatalogMissing';

/** The home page's "Owned by me": entities owned by the user or one of their groups. */
export function OwnedEntitiesCard() {
  const catalog = useCatalog();
  const { ownershipEntityRefs } = useIdentity();
  // Inside one filter, a key repeated means "any of" (Backstage's filter syntax).
  const filter = ownershipEntityRefs.map((ref) => `relations.ownedBy=${ref}`).join(',');
  const key =
    catalog && filter
      ? `${catalog.baseUrl}/entities/by-query?filter=${encodeURIComponent(filter)}&limit=10`
      : null;
  const { data, error, isLoading, mutate } = useSWR<{ items: Entity[]; totalItems?: number }>(key);
  let body: ReactNode;
  if (!catalog) {
    body = <CatalogMissing what="Owned by me" />;
  } else if (error) {
    body = <ErrorPanel title="Could not load what you own" error={error} onRetry={() => void mutate()} />;
  } else if (isLoading || !data) {
    body = <Progress label="Loading what you own" />;
  } else if (data.items.length === 0) {
    body = <p className="shell-muted">Nothing in the catalog names you or your groups as owner yet.</p>;
  } else {
    body = (
      <ul className="shell-list">
        {data.items.map((entity) => (
          <li key={entity.metadata.uid ?? entity.metadata.name} className="shell-list__item">
            <EntityRefLink entityRef={entity} />
            <Tag>{entity.kind}</Tag>
          </li>
        ))}
      </ul>
    );
  }
  const more =
    data?.totalItems !== undefined && data.totalItems > (data.items.length ?? 0)
      ? ` (${data.totalItems})`
      : '';
  return <Card title={`Owned by me${more}`}>{body}</Card>;
}
