import { createContext } from 'react';
import type { Entity } from '../../common/entity/Entity';

/** The entity an entity page, tab or card is about. */
export interface EntityContextValue {
  entity: Entity;
}

/** Set by the shell's entity page around its tabs and cards. */
export const EntityContext = createContext<EntityContextValue | undefined>(undefined);
