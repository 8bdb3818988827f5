import { ConflictError, InputError, NotFoundError } from '@atrium/plugin-api';
import { createFakeLogger, type FakeLogger } from '@atrium/plugin-api/testing';
import { createDatabaseManager } from '../database/createDatabaseManager';
import type { DatabaseManager } from '../database/DatabaseManager';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { waitFor } from '../testing/waitFor';
import { createScheduler } from './createScheduler';
import type { Scheduler } from './Scheduler';

interface Replica {
  name: string;
  scheduler: Scheduler;
  manager: DatabaseManager;
  logger: FakeLogger;
}

describe.each(TEST_DATABASE_KINDS)('createScheduler on %s', (kind) => {
  let database: TestDatabase;
  let replicas: Replica[];

  /** Opens a replica: its own connection pool and scheduler on the shared test database. */
  async function openReplica(name: string): Promise<Replica> {
    const logger = createFakeLogger();
    const manager = createDatabaseManager({ config: database.config, logger });
    const scheduler = await createScheduler({
      knex: await manager.forNamespace('core').getClient(),
      logger,
      instanceId: name,
      pollIntervalMs: 25,
    });
    const replica = { name, scheduler, manager, logger };
    replicas.push(replica);
    return replica;
  }

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    replicas = [];
  });

  afterEach(async () => {
    for (const { scheduler, manager } of replicas) {
      await scheduler.stop();
      await manager.destroy();
    }
    await database.destroy();
  });

  it('runs a task once per interval across two replicas', async () => {
    const starts: Array<{ at: number; replica: string }> = [];
    for (const replica of [await openReplica('a'), await openReplica('b')]) {
      await replica.scheduler.forPlugin('catalog').schedule({
        id: 'refresh',
        every: '1s',
        run: async () => {
          starts.push({ at: Date.now(), replica: replica.name });
        },
      });
      await replica.scheduler.start();
    }

    await waitFor('four runs', () => starts.length >= 4);

    const times = starts.map(({ at }) => at);
    const gaps = times.slice(1).map((at, i) => at - (times[i] ?? 0));
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(800);
      expect(gap).toBeLessThan(1600);
    }
    const elapsed = (times.at(-1) ?? 0) - (times[0] ?? 0);
    expect(Math.round(elapsed / 1000)).toBe(times.length - 1);
  });

  it('hands a task to the other replica when its holder stops', async () => {
    const starts: string[] = [];
    const [a, b] = [await openReplica('a'), await openReplica('b')];
    for (const replica of [a, b]) {
      await replica.scheduler.forPlugin('catalog').schedule({
        id: 'refresh',
        every: 300,
        run: async () => {
          starts.push(replica.name);
        },
      });
      await replica.scheduler.start();
    }
    await waitFor('a first run', () => starts.length >= 1);
    const holder = starts[0] === 'a' ? a : b;
    const other = holder === a ? b : a;

    await holder.scheduler.stop();
    const before = starts.length;

    await waitFor('two runs on the other replica', () => starts.slice(before).length >= 2);
    expect(new Set(starts.slice(before))).toEqual(new Set([other.name]));
  });

  it('lets the other replica take over when the holder dies without releasing its lease', async () => {
    const starts: string[] = [];
    let releaseFirstRun = () => {};
    const firstRunHangs = new Promise<void>((resolve) => {
      releaseFirstRun = resolve;
    });
    const [a, b] = [await openReplica('a'), await openReplica('b')];
    for (const replica of [a, b]) {
      await replica.scheduler.forPlugin('catalog').schedule({
        id: 'refresh',
        every: 300,
        timeout: 500,
        run: async () => {
          starts.push(replica.name);
          if (starts.length === 1) {
            await firstRunHangs;
          }
        },
      });
      await replica.scheduler.start();
    }
    await waitFor('a first run', () => starts.length >= 1);
    const holder = starts[0] === 'a' ? a : b;
    const other = holder === a ? b : a;

    try {
      // The holder's database connections vanish mid-run: it can neither release nor renew its lease.
      await holder.manager.destroy();

      await waitFor('two runs on the other replica', () => starts.length >= 3);
      expect(starts.slice(1)).toEqual([other.name, other.name]);
    } finally {
      releaseFirstRun();
    }
  });

  it('runs a task at once when triggered', async () => {
    const { scheduler } = await openReplica('a');
    let runs = 0;
    const catalog = scheduler.forPlugin('catalog');
    await catalog.schedule({
      id: 'refresh',
      every: '1h',
      initialDelay: '1h',
      run: async () => {
        runs += 1;
      },
    });
    await scheduler.start();

    await catalog.triggerNow('refresh');

    await waitFor('the triggered run', () => runs === 1);
  });

  it('rejects triggering a task that was never scheduled', async () => {
    const { scheduler } = await openReplica('a');

    const triggering = scheduler.forPlugin('catalog').triggerNow('missing');

    await expect(triggering).rejects.toThrow(NotFoundError);
    await expect(triggering).rejects.toThrow("Task 'catalog.missing' is not scheduled");
  });

  it('namespaces task ids with the plugin id', async () => {
    const { scheduler } = await openReplica('a');
    const ran: string[] = [];
    for (const pluginId of ['catalog', 'github']) {
      await scheduler.forPlugin(pluginId).schedule({
        id: 'refresh',
        every: '1h',
        run: async () => {
          ran.push(pluginId);
        },
      });
    }
    await scheduler.start();

    await waitFor('both tasks', () => ran.length === 2);
    expect(ran.sort()).toEqual(['catalog', 'github']);
    expect((await database.knex('core')('scheduler_tasks').pluck('id')).sort()).toEqual([
      'catalog.refresh',
      'github.refresh',
    ]);
  });

  it('rejects a task scheduled twice by one plugin', async () => {
    const { scheduler } = await openReplica('a');
    const task = { id: 'refresh', every: '1h', run: async () => {} };
    await scheduler.forPlugin('catalog').schedule(task);

    await expect(scheduler.forPlugin('catalog').schedule(task)).rejects.toThrow(ConflictError);
  });

  it('rejects durations it cannot read, naming the task and the setting', async () => {
    const catalog = (await openReplica('a')).scheduler.forPlugin('catalog');
    const run = async () => {};

    await expect(catalog.schedule({ id: 'a', every: '5 minutes', run })).rejects.toThrow(InputError);
    await expect(catalog.schedule({ id: 'a', every: '5 minutes', run })).rejects.toThrow(
      /every of task 'catalog\.a'/,
    );
    await expect(catalog.schedule({ id: 'b', every: '5m', timeout: 'soon', run })).rejects.toThrow(
      /timeout of task 'catalog\.b'/,
    );
    await expect(catalog.schedule({ id: 'c', every: 0, run })).rejects.toThrow(InputError);
    await expect(catalog.schedule({ id: 'has space', every: '5m', run })).rejects.toThrow(InputError);
  });

  it('waits in stop for a running task after aborting its signal', async () => {
    const { scheduler } = await openReplica('a');
    const order: string[] = [];
    let started = false;
    await scheduler.forPlugin('catalog').schedule({
      id: 'slow',
      every: '1h',
      run: async (signal) => {
        started = true;
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
        order.push('aborted');
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('finished');
      },
    });
    await scheduler.start();
    await waitFor('the run to start', () => started);

    await scheduler.stop();
    order.push('stopped');

    expect(order).toEqual(['aborted', 'finished', 'stopped']);
    const [row] = await database.knex('core')('scheduler_tasks').select('lease_token');
    expect(row).toEqual({ lease_token: null });
  });

  it('aborts the signal of a run that outlasts its timeout', async () => {
    const { scheduler } = await openReplica('a');
    let aborted = false;
    await scheduler.forPlugin('catalog').schedule({
      id: 'stuck',
      every: '1h',
      timeout: 50,
      run: (signal) =>
        new Promise<void>((resolve) =>
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          }),
        ),
    });
    await scheduler.start();

    await waitFor('the abort', () => aborted);
  });

  it('logs a failing run with the plugin and task id and runs the task again', async () => {
    const replica = await openReplica('a');
    let runs = 0;
    await replica.scheduler.forPlugin('catalog').schedule({
      id: 'broken',
      every: 100,
      run: async () => {
        runs += 1;
        throw new Error('run broke');
      },
    });
    await replica.scheduler.start();

    await waitFor('a second run', () => runs >= 2);
    expect(replica.logger.lines.filter((line) => line.level === 'error')[0]).toEqual({
      level: 'error',
      message: "Task 'catalog.broken' of plugin 'catalog' failed",
      meta: expect.objectContaining({
        pluginId: 'catalog',
        taskId: 'catalog.broken',
        error: expect.objectContaining({ message: 'run broke' }),
      }),
    });
  });
});
