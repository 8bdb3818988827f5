import { type DataTableColumn, type Entity, EntityRefLink } from '@atrium/plugin-api/frontend';
import { LifecycleTag } from './LifecycleTag';
import { specString } from './specString';

/** A column of the catalog table, with the dot path the server orders by when it is sorted. */
export interface EntityListColumn extends DataTableColumn<Entity> {
  orderField?: string;
}

/** The catalog table's columns: name (linking to the entity page), kind, type, owner, lifecycle, description. */
export const entityListColumns: EntityListColumn[] = [
  {
    id: 'name',
    header: 'Name',
    orderField: 'metadata.name',
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
  },
  { id: 'kind', header: 'Kind', orderField: 'kind', value: (e) => e.kind, width: '7.5rem' },
  { id: 'type', header: 'Type', orderField: 'spec.type', value: (e) => specString(e, 'type'), width: '8rem' },
  {
    id: 'owner',
    header: 'Owner',
    orderField: 'spec.owner',
    value: (e) => specString(e, 'owner'),
    cell: (e) => {
      const owner = specString(e, 'owner');
      return owner ? <EntityRefLink entityRef={owner} defaultKind="group" /> : null;
    },
    width: 'minmax(8rem, 1fr)',
  },
  {
    id: 'lifecycle',
    header: 'Lifecycle',
    orderField: 'spec.lifecycle',
    value: (e) => specString(e, 'lifecycle'),
    cell: (e) => {
      const lifecycle = specString(e, 'lifecycle');
      return lifecycle ? <LifecycleTag lifecycle={lifecycle} /> : null;
    },
    width: '8rem',
  },
  {
    id: 'description',
    header: 'Description',
    sortable: false,
    value: (e) => e.metadata.description,
    cell: (e) => (
      <span className="catalog-description" title={e.metadata.description}>
        {e.metadata.description}
      </span>
    ),
    width: 'minmax(12rem, 2.5fr)',
  },
];
