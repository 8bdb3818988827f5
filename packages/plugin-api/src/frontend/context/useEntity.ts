import type { Entity } from '../../common/entity/Entity';
import { getEntityRef } from '../../common/entity/getEntityRef';
import { EntityContext } from './EntityContext';
import { useRequiredContext } from './useRequiredContext';

/**
 * The entity the current entity tab or card is about, and its canonical ref.
 *
 * @example
 * const { entity, entityRef } = useEntity();
 */
export function useEntity(): { entity: Entity; entityRef: string } {
  const { entity } = useRequiredContext(EntityContext, 'useEntity', 'EntityContext');
  return { entity, entityRef: getEntityRef(entity) };
}
