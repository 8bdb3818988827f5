import type { Entity } from '@atrium/plugin-api/frontend';

/** A `spec` field that should be a string, or undefined when it is absent or not a string. */
export function specString(entity: Entity, field: string): string | undefined {
  const value = entity.spec?.[field];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
