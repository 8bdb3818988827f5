import { ConflictError } from '@atrium/plugin-api';
import type { EventSubscription } from './EventSubscription';

/** Every subscription of this instance, by event id and by plugin. */
export class EventSubscriptions {
  readonly #byTopic = new Map<string, EventSubscription[]>();
  readonly #keys = new Set<string>();

  /** Adds a subscription; its id must be new within its plugin. */
  add(subscription: EventSubscription): void {
    if (this.#keys.has(subscription.key)) {
      throw new ConflictError(
        `Plugin '${subscription.pluginId}' already has an event subscriber with id '${subscription.id}'; give each subscriber its own id`,
      );
    }
    this.#keys.add(subscription.key);
    const existing = this.#byTopic.get(subscription.topic);
    if (existing) {
      existing.push(subscription);
    } else {
      this.#byTopic.set(subscription.topic, [subscription]);
    }
  }

  /** The subscriptions to one event id. */
  of(topic: string): readonly EventSubscription[] {
    return this.#byTopic.get(topic) ?? [];
  }

  /** Every event id with at least one subscription. */
  topics(): string[] {
    return [...this.#byTopic.keys()];
  }

  /** Event ids one plugin subscribed to. */
  topicsOf(pluginId: string): string[] {
    return this.topics().filter((topic) => this.of(topic).some((s) => s.pluginId === pluginId));
  }

  /** Every subscription. */
  all(): EventSubscription[] {
    return [...this.#byTopic.values()].flat();
  }
}
