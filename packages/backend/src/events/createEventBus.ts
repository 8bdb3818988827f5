import { type EventsService, InputError, type LoggerService } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import type { EventBus } from './EventBus';
import { EventSubscription } from './EventSubscription';
import { EventSubscriptions } from './EventSubscriptions';
import type { EventTransport } from './EventTransport';
import { InProcessEventTransport } from './InProcessEventTransport';
import { PostgresEventTransport } from './PostgresEventTransport';
import { serializeEventPayload } from './serializeEventPayload';

const deliveries = new Set(['one-replica', 'every-replica']);

/**
 * Creates the event bus. On SQLite events stay in this process; on PostgreSQL they are stored in
 * the core schema and reach every replica, `one-replica` subscribers handling each event once.
 *
 * @example
 * const events = await createEventBus({ knex: coreKnex, client: 'pg', logger, instanceId });
 * await events.start();
 */
export async function createEventBus(options: {
  /** A knex on the core namespace. */
  knex: Knex;
  client: 'better-sqlite3' | 'pg';
  logger: LoggerService;
  instanceId: string;
  /** How often PostgreSQL replicas look for events that no notification announced; default 2 s. */
  pollIntervalMs?: number;
}): Promise<EventBus> {
  const { knex, client, logger, instanceId, pollIntervalMs = 2000 } = options;
  const subscriptions = new EventSubscriptions();
  const transport: EventTransport =
    client === 'pg'
      ? await PostgresEventTransport.create({ knex, subscriptions, logger, instanceId, pollIntervalMs })
      : new InProcessEventTransport(subscriptions);

  const publish = async (topic: string, payloads: unknown[]): Promise<void> => {
    await transport.publish(
      topic,
      payloads.map((payload) => serializeEventPayload(topic, payload)),
    );
  };

  const forPlugin = (
    pluginId: string,
    declared: { emits: string[]; subscribes: string[] },
  ): EventsService => ({
    async publish(event, payload) {
      if (!declared.emits.includes(event.id)) {
        throw new InputError(
          `Plugin '${pluginId}' publishes event '${event.id}', which its plugin.yaml does not declare; add it under backend.events.emits`,
        );
      }
      await publish(event.id, [payload]);
    },
    subscribe(event, subscribeOptions, handler) {
      if (!declared.subscribes.includes(event.id)) {
        throw new InputError(
          `Plugin '${pluginId}' subscribes to event '${event.id}', which its plugin.yaml does not declare; add it under backend.events.subscribes`,
        );
      }
      const { id, delivery = 'one-replica' } = subscribeOptions;
      if (!id) {
        throw new InputError(
          `Plugin '${pluginId}' subscribes to event '${event.id}' without a subscriber id`,
        );
      }
      if (!deliveries.has(delivery)) {
        throw new InputError(
          `Plugin '${pluginId}' subscribes to event '${event.id}' with delivery '${delivery}'; use 'one-replica' or 'every-replica'`,
        );
      }
      subscriptions.add(
        new EventSubscription({
          pluginId,
          id,
          topic: event.id,
          delivery,
          handler: handler as (payload: unknown) => Promise<void> | void,
          logger,
        }),
      );
    },
  });

  return {
    forPlugin,
    publishCore: (event, payloads) => publish(event.id, payloads),
    subscriptionsOf: (pluginId) => subscriptions.topicsOf(pluginId),
    start: () => transport.start(),
    async stop() {
      await transport.stop();
      await Promise.all(subscriptions.all().map((subscription) => subscription.idle()));
    },
  };
}
