import {
  type Entity,
  EntityRefLink,
  ErrorPanel,
  getEntityRef,
  Progress,
  Tag,
  useApi,
  useEntity,
  useSWR,
} from '@atrium/plugin-api/frontend';

/** Entities listed; the kind counts above the list cover the rest. */
const SHOWN = 20;

interface OwnedPage {
  items: Entity[];
  totalItems: number;
}

interface KindFacets {
  facets: { kind?: Array<{ value: string; count: number }> };
}

/**
 * A group's or user's "Owned entities" card: how many entities of each kind
 * name it as owner (`relations.ownedBy`), and the first few of them. Both
 * come from the server, so a team owning thousands of entities costs two small
 * requests.
 */
export function OwnedEntitiesCard() {
  const api = useApi();
  const { entity } = useEntity();
  const filter = encodeURIComponent(`relations.ownedBy=${getEntityRef(entity).toLowerCase()}`);
  const page = useSWR<OwnedPage>(
    `${api.baseUrl}/entities/by-query?filter=${filter}&limit=${SHOWN}&orderField=metadata.name,asc&fields=kind,metadata.namespace,metadata.name,metadata.title,spec.type`,
  );
  const kinds = useSWR<KindFacets>(`${api.baseUrl}/entity-facets?facet=kind&filter=${filter}`);
  if (page.error) {
    return (
      <ErrorPanel title="Could not load what it owns" error={page.error} onRetry={() => void page.mutate()} />
    );
  }
  if (!page.data) {
    return <Progress label="Loading owned entities" />;
  }
  if (page.data.items.length === 0) {
    return <p className="catalog-muted">Owns nothing in the catalog.</p>;
  }
  const counts = [...(kinds.data?.facets.kind ?? [])].sort((a, b) => b.count - a.count);
  return (
    <div className="catalog-owned">
      {counts.length ? (
        <p className="catalog-inline-list">
          {counts.map((kind) => (
            <Tag key={kind.value}>
              {kind.value} {kind.count}
            </Tag>
          ))}
        </p>
      ) : null}
      <ul className="catalog-relations__list">
        {page.data.items.map((owned) => (
          <li key={getEntityRef(owned)}>
            <EntityRefLink entityRef={owned} />{' '}
            <span className="catalog-muted">{owned.kind.toLowerCase()}</span>
          </li>
        ))}
      </ul>
      {page.data.totalItems > page.data.items.length ? (
        <p className="catalog-muted">
          Showing {page.data.items.length} of {page.data.totalItems}.
        </p>
      ) : null}
    </div>
  );
}
