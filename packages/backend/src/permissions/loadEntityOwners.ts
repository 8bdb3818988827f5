import type { EntityStoreService } from '@atrium/plugin-api';

/**
 * The `ownedBy` targets of each entity, aligned with `refs`; an empty list for an
 * entity that does not exist. Reads without restriction, in one query: the policy
 * must see the true owners whatever the caller may read.
 */
export async function loadEntityOwners(entities: EntityStoreService, refs: string[]): Promise<string[][]> {
  if (refs.length === 0) {
    return [];
  }
  const found = await entities.getByRefs(refs, { fields: ['relations'] });
  return found.map((entity) =>
    (entity?.relations ?? [])
      .filter((relation) => relation.type.toLowerCase() === 'ownedby')
      .map((relation) => relation.targetRef),
  );
}
