import type { EventsService } from '../backend/services/EventsService';
import { ConflictError } from '../common/errors/ConflictError';
import { InputError } from '../common/errors/InputError';

/** An event a {@link FakeEvents} was asked to publish. */
export interface FakePublishedEvent {
  eventId: string;
  /** The payload as subscribers receive it: after a JSON round trip, as across replicas. */
  payload: unknown;
}

/** A subscriber that threw while handling an event. */
export interface FakeDeliveryFailure {
  eventId: string;
  subscriberId: string;
  error: unknown;
}

/** An in-process events service that keeps what was published. */
export interface FakeEvents extends EventsService {
  readonly published: FakePublishedEvent[];
  /** Handler errors; like the real service, they never reach the publisher. */
  readonly failures: FakeDeliveryFailure[];
}

/**
 * Creates an events service that delivers in-process: after a microtask, to
 * every subscriber in subscription order. Unlike the core, `publish` resolves
 * only once every handler has settled, so a test can assert on their effects
 * right after. Subscriber ids are unique across the fake, as within a plugin.
 *
 * @example
 * const events = createFakeEvents();
 * events.subscribe(entityChangedEvent, { id: 'rescore' }, handler);
 * await events.publish(entityChangedEvent, payload); // handler has run
 * expect(events.published).toEqual([{ eventId: 'core.entity.changed', payload }]);
 */
export function createFakeEvents(): FakeEvents {
  const published: FakePublishedEvent[] = [];
  const failures: FakeDeliveryFailure[] = [];
  const subscribers: Array<{ eventId: string; id: string; handler: (payload: never) => unknown }> = [];
  return {
    published,
    failures,
    subscribe(event, options, handler) {
      const { id, delivery = 'one-replica' } = options;
      if (!id) {
        throw new InputError(`Subscription to event '${event.id}' has no subscriber id`);
      }
      if (delivery !== 'one-replica' && delivery !== 'every-replica') {
        throw new InputError(
          `Subscription to event '${event.id}' has delivery '${delivery}'; use 'one-replica' or 'every-replica'`,
        );
      }
      if (subscribers.some((subscriber) => subscriber.id === id)) {
        throw new ConflictError(
          `An event subscriber with id '${id}' exists already; give each subscriber its own id`,
        );
      }
      subscribers.push({ eventId: event.id, id, handler });
    },
    async publish(event, payload) {
      const text = toJson(event.id, payload);
      published.push({ eventId: event.id, payload: JSON.parse(text) });
      // Real delivery is never synchronous with publish; a microtask keeps tests honest about that.
      await Promise.resolve();
      for (const subscriber of subscribers.filter((s) => s.eventId === event.id)) {
        try {
          await subscriber.handler(JSON.parse(text) as never);
        } catch (error) {
          failures.push({ eventId: event.id, subscriberId: subscriber.id, error });
        }
      }
    },
  };
}

function toJson(eventId: string, payload: unknown): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(payload);
  } catch (error) {
    throw new InputError(`The payload of event '${eventId}' is not JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (text === undefined) {
    throw new InputError(`The payload of event '${eventId}' is not JSON`);
  }
  return text;
}
