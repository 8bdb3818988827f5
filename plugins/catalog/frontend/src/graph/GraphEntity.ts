import type { EntityRelation } from '@atrium/plugin-api/frontend';

/** The fields of an entity the graph asks the catalog for (`fields` projection of `by-refs`). */
export interface GraphEntity {
  kind: string;
  metadata: { name: string; namespace?: string; title?: string };
  spec?: { type?: unknown };
  relations?: EntityRelation[];
}

/** The `fields` the graph requests for each entity. */
export const graphEntityFields = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'spec.type',
  'relations',
] as const;
