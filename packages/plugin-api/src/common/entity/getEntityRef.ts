import type { Entity } from './Entity';
import { DEFAULT_NAMESPACE, stringifyEntityRef } from './entityRef';

/** The canonical ref of an entity, e.g. `component:default/payments`. */
export function getEntityRef(entity: Entity): string {
  return stringifyEntityRef({
    kind: entity.kind,
    namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
    name: entity.metadata.name,
  });
}
