import type { EventDefinition } from '../../common/events/defineEvent';

/** How a subscription receives events when several replicas run. */
export interface SubscribeOptions {
  /** Stable id of the subscriber, unique within the plugin. */
  id: string;
  /**
   * `one-replica` (default): each event is handled once across all replicas, for work.
   * `every-replica`: every replica handles it, for caches.
   */
  delivery?: 'one-replica' | 'every-replica';
}

/** Publishes and subscribes typed events; on PostgreSQL they reach every replica. */
export interface EventsService {
  /** Publishes an event listed under `backend.events.emits`. */
  publish<T>(event: EventDefinition<T>, payload: T): Promise<void>;
  /** Subscribes to an event listed under `backend.events.subscribes`. */
  subscribe<T>(
    event: EventDefinition<T>,
    options: SubscribeOptions,
    handler: (payload: T) => Promise<void> | void,
  ): void;
}
