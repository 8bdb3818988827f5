import { ConflictError } from '../common/errors/ConflictError';
import { InputError } from '../common/errors/InputError';
import { defineEvent } from '../common/events/defineEvent';
import { createFakeEvents } from './createFakeEvents';

const itemCreated = defineEvent<{ id: string; at?: unknown }>('todo.item.created');
const itemDeleted = defineEvent<{ id: string }>('todo.item.deleted');

describe('createFakeEvents', () => {
  it('delivers each event to its subscribers, in order, before publish resolves', async () => {
    const events = createFakeEvents();
    const seen: string[] = [];
    events.subscribe(itemCreated, { id: 'a' }, async ({ id }) => {
      await Promise.resolve();
      seen.push(`a:${id}`);
    });
    events.subscribe(
      itemCreated,
      { id: 'b', delivery: 'every-replica' },
      ({ id }) => void seen.push(`b:${id}`),
    );
    events.subscribe(itemDeleted, { id: 'c' }, ({ id }) => void seen.push(`deleted:${id}`));
    await events.publish(itemCreated, { id: '1' });
    expect(seen).toEqual(['a:1', 'b:1']);
  });

  it('does not call handlers synchronously inside publish', () => {
    const events = createFakeEvents();
    const handler = jest.fn();
    events.subscribe(itemCreated, { id: 'a' }, handler);
    const done = events.publish(itemCreated, { id: '1' });
    expect(handler).not.toHaveBeenCalled();
    return done.then(() => expect(handler).toHaveBeenCalledTimes(1));
  });

  it('records published events as JSON, as they would cross replicas', async () => {
    const events = createFakeEvents();
    const received: unknown[] = [];
    events.subscribe(itemCreated, { id: 'a' }, (payload) => void received.push(payload));
    await events.publish(itemCreated, { id: '1', at: new Date('2024-01-01T00:00:00Z') });
    expect(events.published).toEqual([
      { eventId: 'todo.item.created', payload: { id: '1', at: '2024-01-01T00:00:00.000Z' } },
    ]);
    expect(received).toEqual([{ id: '1', at: '2024-01-01T00:00:00.000Z' }]);
  });

  it('keeps a failing handler from the publisher and from the other subscribers', async () => {
    const events = createFakeEvents();
    const failure = new Error('handler broke');
    const other = jest.fn();
    events.subscribe(itemCreated, { id: 'broken' }, () => {
      throw failure;
    });
    events.subscribe(itemCreated, { id: 'other' }, other);
    await events.publish(itemCreated, { id: '1' });
    expect(other).toHaveBeenCalled();
    expect(events.failures).toEqual([
      { eventId: 'todo.item.created', subscriberId: 'broken', error: failure },
    ]);
  });

  it('refuses a second subscriber with the same id, even to another event', () => {
    const events = createFakeEvents();
    events.subscribe(itemCreated, { id: 'a' }, () => {});
    expect(() => events.subscribe(itemDeleted, { id: 'a' }, () => {})).toThrow(ConflictError);
  });

  it('refuses a subscription without an id or with an unknown delivery', () => {
    const events = createFakeEvents();
    expect(() => events.subscribe(itemCreated, { id: '' }, () => {})).toThrow(InputError);
    expect(() =>
      events.subscribe(itemCreated, { id: 'a', delivery: 'all' as 'every-replica' }, () => {}),
    ).toThrow(InputError);
  });

  it('refuses a payload that is not JSON, delivering nothing', async () => {
    const events = createFakeEvents();
    const handler = jest.fn();
    events.subscribe(itemCreated, { id: 'a' }, handler);
    await expect(events.publish(itemCreated, { id: '1', at: BigInt(1) })).rejects.toThrow(InputError);
    await expect(events.publish(itemCreated, undefined as never)).rejects.toThrow(InputError);
    expect(events.published).toEqual([]);
    expect(handler).not.toHaveBeenCalled();
  });
});
