import type { EventSubscriptions } from './EventSubscriptions';
import type { EventTransport } from './EventTransport';

/** Delivers events inside this process, for SQLite, where a single backend runs. */
export class InProcessEventTransport implements EventTransport {
  readonly #subscriptions: EventSubscriptions;
  #state: 'created' | 'started' | 'stopped' = 'created';
  #beforeStart: Array<{ topic: string; payloads: string[] }> = [];

  constructor(subscriptions: EventSubscriptions) {
    this.#subscriptions = subscriptions;
  }

  async publish(topic: string, payloads: string[]): Promise<void> {
    if (this.#state === 'created') {
      this.#beforeStart.push({ topic, payloads });
    } else if (this.#state === 'started') {
      this.#dispatch(topic, payloads);
    }
    // Once stopped the process is shutting down and no handler may start any more.
  }

  async start(): Promise<void> {
    this.#state = 'started';
    for (const { topic, payloads } of this.#beforeStart.splice(0)) {
      this.#dispatch(topic, payloads);
    }
  }

  async stop(): Promise<void> {
    this.#state = 'stopped';
  }

  #dispatch(topic: string, payloads: string[]): void {
    for (const subscription of this.#subscriptions.of(topic)) {
      for (const payload of payloads) {
        subscription.enqueue(payload);
      }
    }
  }
}
