import { type DataTableColumn, type Entity, EntityRefLink } from '@atrium/plugin-api/frontend';
import { LifecycleTag } from './LifecycleTag';
import { specString } from './specString';

/** A column of the catalog table: the dot path the server orders by, and the fields its cells read. */
export interface EntityListColumn extends DataTableColumn<Entity> {
  orderField?: string;
  fields: readonly string[];
}

const profileString = (e: Entity, field: string): string | undefined => {
  const profile = e.spec?.profile;
  const value =
    typeof profile === 'object' && profile !== null ? (profile as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
};

const specList = (e: Entity, field: string): string[] => {
  const value = e.spec?.[field];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};

const refLinks = (refs: readonly string[], defaultKind: string) =>
  refs.length ? (
    <span className="catalog-inline-list">
      {refs.map((ref) => (
        <EntityRefLink key={ref} entityRef={ref} defaultKind={defaultKind} />
      ))}
    </span>
  ) : null;

const name: EntityListColumn = {
  id: 'name',
  header: 'Name',
  orderField: 'metadata.name',
  fields: ['kind', 'metadata.namespace', 'metadata.name', 'metadata.title'],
  value: (e) => e.metadata.name,
  // The name leads because the server sorts by it; the title, when there is one, follows.
  cell: (e) => (
    <span className="catalog-name">
      <EntityRefLink entityRef={e} title={e.metadata.name} />
      {e.metadata.title && e.metadata.title !== e.metadata.name ? (
        <span className="catalog-name__title">{e.metadata.title}</span>
      ) : null}
    </span>
  ),
  width: 'minmax(10rem, 1.3fr)',
};

const kind: EntityListColumn = {
  id: 'kind',
  header: 'Kind',
  orderField: 'kind',
  fields: ['kind'],
  value: (e) => e.kind,
  width: '7.5rem',
};

const type: EntityListColumn = {
  id: 'type',
  header: 'Type',
  orderField: 'spec.type',
  fields: ['spec.type'],
  value: (e) => specString(e, 'type'),
  width: '8rem',
};

const refColumn = (id: string, header: string, defaultKind: string): EntityListColumn => ({
  id,
  header,
  orderField: `spec.${id}`,
  fields: [`spec.${id}`],
  value: (e) => specString(e, id),
  cell: (e) => {
    const ref = specString(e, id);
    return ref ? <EntityRefLink entityRef={ref} defaultKind={defaultKind} /> : null;
  },
  width: 'minmax(8rem, 1fr)',
});

const owner = refColumn('owner', 'Owner', 'group');
const system = refColumn('system', 'System', 'system');
const domain = refColumn('domain', 'Domain', 'domain');
const parent = refColumn('parent', 'Parent', 'group');

const lifecycle: EntityListColumn = {
  id: 'lifecycle',
  header: 'Lifecycle',
  orderField: 'spec.lifecycle',
  fields: ['spec.lifecycle'],
  value: (e) => specString(e, 'lifecycle'),
  cell: (e) => {
    const value = specString(e, 'lifecycle');
    return value ? <LifecycleTag lifecycle={value} /> : null;
  },
  width: '8rem',
};

const description: EntityListColumn = {
  id: 'description',
  header: 'Description',
  sortable: false,
  fields: ['metadata.description'],
  value: (e) => e.metadata.description,
  cell: (e) => (
    <span className="catalog-description" title={e.metadata.description}>
      {e.metadata.description}
    </span>
  ),
  width: 'minmax(12rem, 2.5fr)',
};

const displayName: EntityListColumn = {
  id: 'displayName',
  header: 'Display name',
  orderField: 'spec.profile.displayName',
  fields: ['spec.profile.displayName'],
  value: (e) => profileString(e, 'displayName'),
  width: 'minmax(10rem, 1fr)',
};

const email: EntityListColumn = {
  id: 'email',
  header: 'Email',
  orderField: 'spec.profile.email',
  fields: ['spec.profile.email'],
  value: (e) => profileString(e, 'email'),
  width: 'minmax(12rem, 1.2fr)',
};

const groups: EntityListColumn = {
  id: 'groups',
  header: 'Groups',
  sortable: false,
  fields: ['spec.memberOf'],
  value: (e) => specList(e, 'memberOf').join(', '),
  cell: (e) => refLinks(specList(e, 'memberOf'), 'group'),
  width: 'minmax(10rem, 1.5fr)',
};

const members: EntityListColumn = {
  id: 'members',
  header: 'Members',
  sortable: false,
  // Members come from both sides (a group's spec.members and each user's spec.memberOf); the relations hold both.
  fields: ['relations'],
  value: (e) => (e.relations ?? []).filter((r) => r.type === 'hasMember').length,
  width: '7rem',
};

/** Columns that suit each kind; any other kind (and "all kinds") gets the general set. */
const columnsByKind: Record<string, EntityListColumn[]> = {
  component: [name, type, owner, system, lifecycle, description],
  api: [name, type, owner, system, lifecycle, description],
  resource: [name, type, owner, system, description],
  system: [name, owner, domain, description],
  domain: [name, owner, description],
  group: [name, type, parent, members, description],
  user: [name, displayName, email, groups],
};

const generalColumns = [name, kind, type, owner, lifecycle, description];

/**
 * The catalog table's columns for a kind (lower case; empty for all kinds) and
 * the entity fields they need, so the server sends nothing more.
 *
 * @example
 * entityListColumns('user').columns.map((c) => c.header) // ['Name', 'Display name', 'Email', 'Groups']
 */
export function entityListColumns(kindName: string): { columns: EntityListColumn[]; fields: string[] } {
  const columns = columnsByKind[kindName] ?? generalColumns;
  return { columns, fields: [...new Set(columns.flatMap((column) => column.fields))] };
}
