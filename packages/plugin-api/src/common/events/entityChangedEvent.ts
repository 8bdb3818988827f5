import { defineEvent } from './defineEvent';

/** Payload of {@link entityChangedEvent}. */
export interface EntityChangedPayload {
  change: 'upserted' | 'deleted';
  entityRef: string;
  uid: string;
  /** The plugin that wrote the entity. */
  provider: string;
}

/** Emitted by the core entity store for every entity whose content changed or that was deleted. */
export const entityChangedEvent = defineEvent<EntityChangedPayload>('core.entity.changed');
