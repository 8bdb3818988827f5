import type { Entity, EntityFilter } from '@atrium/plugin-api/frontend';

const includes = (list: string[], value: unknown) =>
  typeof value === 'string' && list.some((item) => item.toLowerCase() === value.toLowerCase());

/**
 * Whether an entity tab or card applies to an entity: every list the `when`
 * filter gives must contain the entity's kind or `spec.type` (case-insensitive);
 * no filter matches everything.
 */
export function matchesEntityFilter(filter: EntityFilter | undefined, entity: Entity): boolean {
  if (filter?.kind?.length && !includes(filter.kind, entity.kind)) {
    return false;
  }
  if (filter?.type?.length && !includes(filter.type, entity.spec?.type)) {
    return false;
  }
  return true;
}
