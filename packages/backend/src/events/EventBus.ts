import type { EventDefinition, EventsService } from '@atrium/plugin-api';

/** The core's event bus: in-process on SQLite, across replicas through PostgreSQL. */
export interface EventBus {
  /**
   * The EventsService of one plugin; publishing or subscribing to an event its manifest does not
   * declare (plugin.yaml `backend.events.emits` / `backend.events.subscribes`) throws an InputError.
   */
  forPlugin(pluginId: string, declared: { emits: string[]; subscribes: string[] }): EventsService;
  /** Publishes events owned by the core itself (e.g. the entity store's 'core.entity.changed'), in one batch. */
  publishCore<T>(event: EventDefinition<T>, payloads: T[]): Promise<void>;
  /** Event ids each plugin subscribed to so far, for the host's manifest check. */
  subscriptionsOf(pluginId: string): string[];
  /** Starts delivering; events published since the bus was created are delivered from here on. */
  start(): Promise<void>;
  /** Stops receiving events and waits until the handlers have finished what they already received. */
  stop(): Promise<void>;
}
