import { ConflictError, defineEvent, InputError, type LoggerService } from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import { createDatabaseManager } from '../database/createDatabaseManager';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { waitFor } from '../testing/waitFor';
import { createEventBus } from './createEventBus';
import type { EventBus } from './EventBus';

const scoreChanged = defineEvent<{ n: number }>('scorecards.score.changed');
const entityChanged = defineEvent<{ n: number }>('core.entity.changed');
const declared = {
  emits: ['scorecards.score.changed'],
  subscribes: ['scorecards.score.changed', 'core.entity.changed'],
};

/** Opens replicas (an event bus each, on its own connection pool) on one test database. */
function createReplicas(getDatabase: () => TestDatabase) {
  const cleanups: Array<() => Promise<void>> = [];
  return {
    async open(
      options: { instanceId?: string; pollIntervalMs?: number; logger?: LoggerService } = {},
    ): Promise<EventBus> {
      const logger = options.logger ?? createFakeLogger();
      const manager = createDatabaseManager({ config: getDatabase().config, logger });
      cleanups.push(() => manager.destroy());
      const bus = await createEventBus({
        knex: await manager.forNamespace('core').getClient(),
        client: manager.client,
        logger,
        instanceId: options.instanceId ?? 'replica',
        pollIntervalMs: options.pollIntervalMs ?? 100,
      });
      cleanups.push(() => bus.stop());
      return bus;
    },
    async closeAll() {
      for (const cleanup of cleanups.splice(0).reverse()) {
        await cleanup();
      }
    },
  };
}

describe.each(TEST_DATABASE_KINDS)('createEventBus on %s', (kind) => {
  let database: TestDatabase;
  const replicas = createReplicas(() => database);

  beforeEach(async () => {
    database = await createTestDatabase(kind);
  });

  afterEach(async () => {
    await replicas.closeAll();
    await database.destroy();
  });

  it('delivers published events to each subscriber in order, never inside publish', async () => {
    const bus = await replicas.open();
    await bus.start();
    const events = bus.forPlugin('scorecards', declared);
    const work: number[] = [];
    const cache: number[] = [];
    events.subscribe(scoreChanged, { id: 'work' }, ({ n }) => {
      work.push(n);
    });
    events.subscribe(scoreChanged, { id: 'cache', delivery: 'every-replica' }, async ({ n }) => {
      cache.push(n);
    });

    const publishing = events.publish(scoreChanged, { n: 1 });
    expect(work).toEqual([]);
    await publishing;
    await events.publish(scoreChanged, { n: 2 });
    await events.publish(scoreChanged, { n: 3 });

    await waitFor('both subscribers to see three events', () => work.length === 3 && cache.length === 3);
    expect(work).toEqual([1, 2, 3]);
    expect(cache).toEqual([1, 2, 3]);
  });

  it('delivers a batch of 5,000 core events in order', async () => {
    const bus = await replicas.open();
    await bus.start();
    const received: number[] = [];
    bus.forPlugin('scorecards', declared).subscribe(entityChanged, { id: 'entities' }, ({ n }) => {
      received.push(n);
    });
    const payloads = Array.from({ length: 5000 }, (_, n) => ({ n }));

    await bus.publishCore(entityChanged, payloads);

    await waitFor('5,000 events', () => received.length >= 5000);
    expect(received).toEqual(payloads.map(({ n }) => n));
  });

  it('delivers events published before start once the bus starts', async () => {
    const bus = await replicas.open();
    const events = bus.forPlugin('scorecards', declared);
    const received: number[] = [];
    events.subscribe(scoreChanged, { id: 'early' }, ({ n }) => {
      received.push(n);
    });

    await events.publish(scoreChanged, { n: 7 });
    await bus.start();

    await waitFor('the early event', () => received.length === 1);
    expect(received).toEqual([7]);
  });

  it('logs a failing handler with the plugin and event id and keeps delivering', async () => {
    const logger = createFakeLogger();
    const bus = await replicas.open({ logger });
    await bus.start();
    const events = bus.forPlugin('scorecards', declared);
    const flaky: number[] = [];
    const steady: number[] = [];
    events.subscribe(scoreChanged, { id: 'flaky' }, ({ n }) => {
      if (n === 1) {
        throw new Error('handler broke');
      }
      flaky.push(n);
    });
    events.subscribe(scoreChanged, { id: 'steady' }, ({ n }) => {
      steady.push(n);
    });

    await events.publish(scoreChanged, { n: 1 });
    await events.publish(scoreChanged, { n: 2 });

    await waitFor('both events everywhere', () => flaky.length === 1 && steady.length === 2);
    expect(flaky).toEqual([2]);
    expect(steady).toEqual([1, 2]);
    expect(logger.lines.filter((line) => line.level === 'error')).toEqual([
      {
        level: 'error',
        message: expect.stringMatching(/scorecards.*scorecards\.score\.changed/),
        meta: expect.objectContaining({
          pluginId: 'scorecards',
          eventId: 'scorecards.score.changed',
          subscriberId: 'flaky',
          error: expect.objectContaining({ message: 'handler broke' }),
        }),
      },
    ]);
  });

  it('waits in stop for handlers to finish what they received', async () => {
    const bus = await replicas.open();
    await bus.start();
    const events = bus.forPlugin('scorecards', declared);
    const order: string[] = [];
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = false;
    events.subscribe(scoreChanged, { id: 'slow' }, async () => {
      started = true;
      await gate;
      order.push('handled');
    });
    await events.publish(scoreChanged, { n: 1 });
    await waitFor('the handler to start', () => started);

    const stopping = bus.stop().then(() => order.push('stopped'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    release();
    await stopping;

    expect(order).toEqual(['handled', 'stopped']);
  });

  it('rejects publishing an event the manifest does not declare, naming the plugin, event and key', async () => {
    const bus = await replicas.open();
    const events = bus.forPlugin('scorecards', { emits: [], subscribes: [] });

    const publishing = events.publish(scoreChanged, { n: 1 });

    await expect(publishing).rejects.toThrow(InputError);
    await expect(publishing).rejects.toThrow(
      /Plugin 'scorecards'.*'scorecards\.score\.changed'.*backend\.events\.emits/,
    );
  });

  it('rejects subscribing to an event the manifest does not declare, naming the plugin, event and key', async () => {
    const bus = await replicas.open();
    const events = bus.forPlugin('scorecards', { emits: [], subscribes: [] });

    const subscribe = () => events.subscribe(entityChanged, { id: 'entities' }, () => {});

    expect(subscribe).toThrow(InputError);
    expect(subscribe).toThrow(/Plugin 'scorecards'.*'core\.entity\.changed'.*backend\.events\.subscribes/);
    expect(bus.subscriptionsOf('scorecards')).toEqual([]);
  });

  it('rejects a second subscriber with the same id in one plugin', async () => {
    const bus = await replicas.open();
    const events = bus.forPlugin('scorecards', declared);
    events.subscribe(scoreChanged, { id: 'same' }, () => {});

    expect(() => events.subscribe(entityChanged, { id: 'same' }, () => {})).toThrow(ConflictError);
  });

  it('rejects a payload that is not JSON', async () => {
    const bus = await replicas.open();

    await expect(
      bus.publishCore(defineEvent<{ big: bigint }>('core.thing.made'), [{ big: 1n }]),
    ).rejects.toThrow(InputError);
  });

  it('lists the events each plugin subscribed to', async () => {
    const bus = await replicas.open();
    const scorecards = bus.forPlugin('scorecards', declared);
    scorecards.subscribe(scoreChanged, { id: 'a' }, () => {});
    scorecards.subscribe(scoreChanged, { id: 'b' }, () => {});
    scorecards.subscribe(entityChanged, { id: 'c' }, () => {});
    bus
      .forPlugin('catalog', { emits: [], subscribes: ['core.entity.changed'] })
      .subscribe(entityChanged, { id: 'a' }, () => {});

    expect(bus.subscriptionsOf('scorecards').sort()).toEqual([
      'core.entity.changed',
      'scorecards.score.changed',
    ]);
    expect(bus.subscriptionsOf('catalog')).toEqual(['core.entity.changed']);
    expect(bus.subscriptionsOf('github')).toEqual([]);
  });
});

describe('createEventBus across PostgreSQL replicas', () => {
  let database: TestDatabase;
  const replicas = createReplicas(() => database);

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
  });

  afterEach(async () => {
    await replicas.closeAll();
    await database.destroy();
  });

  /** Subscribes on one replica: `cache` every-replica, `work` one-replica. */
  function subscribe(bus: EventBus) {
    const received = { cache: [] as number[], work: [] as number[] };
    const events = bus.forPlugin('scorecards', declared);
    events.subscribe(entityChanged, { id: 'cache', delivery: 'every-replica' }, ({ n }) => {
      received.cache.push(n);
    });
    events.subscribe(entityChanged, { id: 'work', delivery: 'one-replica' }, ({ n }) => {
      received.work.push(n);
    });
    return received;
  }

  it('delivers every-replica events to both replicas and one-replica events to exactly one', async () => {
    const [a, b] = [await replicas.open({ instanceId: 'a' }), await replicas.open({ instanceId: 'b' })];
    const [onA, onB] = [subscribe(a), subscribe(b)];
    await Promise.all([a.start(), b.start()]);
    const payloads = Array.from({ length: 5000 }, (_, n) => ({ n }));

    for (let start = 0; start < 100; start += 10) {
      await a.publishCore(entityChanged, payloads.slice(start, start + 10));
    }
    await b.publishCore(entityChanged, payloads.slice(100));

    await waitFor('every event on both replicas', () => onA.cache.length >= 5000 && onB.cache.length >= 5000);
    await Promise.all([a.stop(), b.stop()]);
    const all = payloads.map(({ n }) => n);
    expect(onA.cache).toEqual(all);
    expect(onB.cache).toEqual(all);
    expect([...onA.work, ...onB.work].sort((x, y) => x - y)).toEqual(all);
  });

  it('delivers payloads larger than a notification can carry', async () => {
    const bus = await replicas.open();
    await bus.start();
    const received: string[] = [];
    const bigEvent = defineEvent<{ text: string }>('core.entity.changed');
    bus.forPlugin('scorecards', declared).subscribe(bigEvent, { id: 'big' }, ({ text }) => {
      received.push(text);
    });
    const text = 'x'.repeat(100_000);

    await bus.publishCore(bigEvent, [{ text }]);

    await waitFor('the big event', () => received.length === 1);
    expect(received[0]).toBe(text);
  });

  it('listens again after its listening connection drops', async () => {
    const bus = await replicas.open({ pollIntervalMs: 600_000 });
    const { work } = subscribe(bus);
    await bus.start();
    const admin = database.knex('core');
    const listeners = async (): Promise<number[]> =>
      (
        await admin.raw(
          "select pid from pg_stat_activity where datname = current_database() and query = 'LISTEN atrium_events'",
        )
      ).rows.map((row: { pid: number }) => row.pid);
    await waitFor('the listener', async () => (await listeners()).length === 1);
    const [first = 0] = await listeners();

    await admin.raw('select pg_terminate_backend(?)', [first]);
    await waitFor('a new listener', async () => {
      const now = await listeners();
      return now.length === 1 && now[0] !== first;
    });
    await bus.publishCore(entityChanged, [{ n: 1 }]);

    await waitFor('the event announced to the new listener', () => work.length === 1);
    expect(work).toEqual([1]);
  });

  it('finds events by polling when no notification announces them', async () => {
    const bus = await replicas.open({ pollIntervalMs: 50 });
    const { work } = subscribe(bus);
    await bus.start();

    await database
      .knex('core')('events')
      .insert({ topic: 'core.entity.changed', payload: '{"n":42}', published_by: 'elsewhere' });

    await waitFor('the polled event', () => work.length === 1);
    expect(work).toEqual([42]);
  });

  it('prunes events older than an hour together with their claims', async () => {
    const bus = await replicas.open();
    const knex = database.knex('core');
    const [old] = await knex('events')
      .insert({
        topic: 'core.entity.changed',
        payload: '{"n":1}',
        published_by: 'elsewhere',
        created_at: new Date(Date.now() - 2 * 60 * 60 * 1000),
      })
      .returning('id');
    await knex('event_claims').insert({
      event_id: old.id,
      subscriber: 'scorecards/work',
      claimed_by: 'elsewhere',
    });
    await bus.publishCore(entityChanged, [{ n: 2 }]);

    await bus.start();

    await waitFor('the old event to go', async () => (await knex('events').where('id', old.id)).length === 0);
    expect(await knex('event_claims').where('event_id', old.id)).toEqual([]);
    expect(await knex('events').pluck('payload')).toEqual(['{"n":2}']);
  });
});
