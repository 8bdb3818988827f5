import type { Entity } from '../../common/entity/Entity';
import { type CompoundEntityRef, DEFAULT_NAMESPACE, parseEntityRef } from '../../common/entity/entityRef';

/**
 * The shell's URL of an entity's page: `/catalog/<namespace>/<kind>/<name>`,
 * the same shape Backstage uses, so old links keep working.
 *
 * @example
 * getEntityPath('component:default/payments') // '/catalog/default/component/payments'
 */
export function getEntityPath(entity: Entity | CompoundEntityRef | string): string {
  const ref =
    typeof entity === 'object' && 'metadata' in entity
      ? {
          kind: entity.kind,
          namespace: entity.metadata.namespace ?? DEFAULT_NAMESPACE,
          name: entity.metadata.name,
        }
      : parseEntityRef(entity);
  const parts = [ref.namespace, ref.kind.toLocaleLowerCase('en-US'), ref.name];
  return `/catalog/${parts.map(encodeURIComponent).join('/')}`;
}
