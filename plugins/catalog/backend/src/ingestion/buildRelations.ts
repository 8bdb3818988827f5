import { type Entity, type EntityRelationSpec, parseEntityRef, stringifyEntityRef } from '@atrium/plugin-api';
import { builtinRelationFields } from './builtinRelationFields';

/**
 * The relations an entity's spec fields make, with short refs resolved
 * against the field's default kind and the entity's own namespace.
 */
export function buildRelations(entity: Entity): EntityRelationSpec[] {
  const kind = entity.kind.toLowerCase();
  const namespace = entity.metadata.namespace ?? 'default';
  const relations: EntityRelationSpec[] = [];
  for (const rule of builtinRelationFields) {
    if (!rule.kinds.includes(kind)) {
      continue;
    }
    const value = entity.spec?.[rule.field];
    const refs = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const ref of refs) {
      if (typeof ref !== 'string') {
        continue;
      }
      const targetRef = stringifyEntityRef(
        parseEntityRef(ref, { defaultKind: rule.defaultKind, defaultNamespace: namespace }),
      );
      relations.push({ type: rule.type, inverseType: rule.inverseType, targetRef });
    }
  }
  return relations;
}
