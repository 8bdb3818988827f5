import { type Entity, type EntityStoreService, parseEntityRef, stringifyEntityRef } from '@atrium/plugin-api';

// Deeper group trees than this are a modelling mistake; stopping keeps a sign-in from running away.
const maxDepth = 50;

function refsOf(entity: Entity, field: unknown, relationType: string): string[] {
  const namespace = entity.metadata.namespace ?? 'default';
  const declared = (Array.isArray(field) ? field : typeof field === 'string' ? [field] : []).filter(
    (value): value is string => typeof value === 'string' && value.length > 0,
  );
  const fromSpec = declared.flatMap((ref) => {
    try {
      return [stringifyEntityRef(parseEntityRef(ref, { defaultKind: 'group', defaultNamespace: namespace }))];
    } catch {
      // A malformed ref in the catalog must not block a sign-in; the catalog reports it on the entity.
      return [];
    }
  });
  const fromRelations = (entity.relations ?? [])
    .filter((relation) => relation.type === relationType)
    .map((relation) => relation.targetRef.toLowerCase());
  return [...fromSpec, ...fromRelations].filter((ref) => ref.startsWith('group:'));
}

/**
 * The refs a user owns through: the user itself and every group it is a member of
 * (`spec.memberOf` and `memberOf` relations), followed up the group tree
 * (`spec.parent` and `childOf` relations). Each group is read once, so cycles end.
 *
 * @example
 * await resolveOwnershipRefs(store, 'user:default/jane') // ['user:default/jane', 'group:default/team-a', 'group:default/eng']
 */
export async function resolveOwnershipRefs(
  store: EntityStoreService,
  userEntityRef: string,
): Promise<string[]> {
  const userRef = stringifyEntityRef(parseEntityRef(userEntityRef, { defaultKind: 'user' }));
  const user = await store.getByRef(userRef);
  const seen = new Set<string>([userRef]);
  let frontier = user === undefined ? [] : refsOf(user, user.spec?.memberOf, 'memberOf');
  for (let depth = 0; frontier.length > 0 && depth < maxDepth; depth++) {
    const fresh = [...new Set(frontier)].filter((ref) => !seen.has(ref));
    for (const ref of fresh) {
      seen.add(ref);
    }
    const groups = fresh.length === 0 ? [] : await store.getByRefs(fresh);
    frontier = groups.flatMap((group) =>
      group === null ? [] : refsOf(group, group.spec?.parent, 'childOf'),
    );
  }
  return [...seen];
}
