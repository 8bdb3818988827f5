import type { LoggerService } from '@atrium/plugin-api';

/** What a subscription is made of. */
export interface EventSubscriptionOptions {
  pluginId: string;
  /** The subscriber id, unique within the plugin. */
  id: string;
  /** The event id. */
  topic: string;
  delivery: 'one-replica' | 'every-replica';
  handler: (payload: unknown) => Promise<void> | void;
  logger: LoggerService;
}

/**
 * One handler of one plugin, with its own queue: it sees events one at a time in
 * publishing order, and a slow or failing handler holds up no other subscription.
 */
export class EventSubscription {
  readonly pluginId: string;
  readonly id: string;
  readonly topic: string;
  readonly delivery: 'one-replica' | 'every-replica';
  /** Identifies the subscription across replicas, for claiming `one-replica` events. */
  readonly key: string;
  readonly #handler: (payload: unknown) => Promise<void> | void;
  readonly #logger: LoggerService;
  readonly #queue: string[] = [];
  #draining: Promise<void> | undefined;

  constructor(options: EventSubscriptionOptions) {
    this.pluginId = options.pluginId;
    this.id = options.id;
    this.topic = options.topic;
    this.delivery = options.delivery;
    this.key = `${options.pluginId}/${options.id}`;
    this.#handler = options.handler;
    this.#logger = options.logger;
  }

  /** Queues a serialised payload; the handler runs later, never inside the caller. */
  enqueue(payload: string): void {
    this.#queue.push(payload);
    this.#draining ??= this.#drain();
  }

  /** Resolves once the queue is empty and no handler is running. */
  idle(): Promise<void> {
    return this.#draining ?? Promise.resolve();
  }

  async #drain(): Promise<void> {
    // Yield first, so that publishing returns before any handler starts.
    await Promise.resolve();
    for (let payload = this.#queue.shift(); payload !== undefined; payload = this.#queue.shift()) {
      try {
        // Each handler parses its own copy, so that one handler cannot change what another sees.
        await this.#handler(JSON.parse(payload));
      } catch (error) {
        this.#logger.error(
          `Plugin '${this.pluginId}' failed to handle event '${this.topic}' in subscriber '${this.id}'`,
          { pluginId: this.pluginId, eventId: this.topic, subscriberId: this.id, error },
        );
      }
    }
    this.#draining = undefined;
  }
}
