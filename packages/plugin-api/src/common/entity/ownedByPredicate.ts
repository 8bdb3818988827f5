import type { EntityPredicate } from './EntityPredicate';
import { stringifyEntityRef } from './entityRef';

/**
 * The predicate "owned by any of `refs`": the entity has an `ownedBy` relation
 * to one of them, or is one of them itself (a user or group owns its own
 * entity). Pass a principal's `ownershipEntityRefs` to get the read
 * restriction of an `owned: true` grant. Refs are made canonical; an empty
 * list matches nothing.
 *
 * `metadata.ref` is the entity store's key for an entity's own canonical ref.
 *
 * @example
 * const restrict = ownedByPredicate(['user:default/ana', 'group:default/payments']);
 * // { $any: [
 * //   { 'relations.ownedBy': { $in: ['user:default/ana', 'group:default/payments'] } },
 * //   { 'metadata.ref': { $in: ['user:default/ana', 'group:default/payments'] } },
 * // ] }
 * await entityStore.query({ query: { kind: 'component' }, restrict });
 */
export function ownedByPredicate(refs: readonly string[]): EntityPredicate {
  const canonical = [...new Set(refs.map((ref) => stringifyEntityRef(ref)))];
  return {
    $any: [{ 'relations.ownedBy': { $in: canonical } }, { 'metadata.ref': { $in: canonical } }],
  };
}
