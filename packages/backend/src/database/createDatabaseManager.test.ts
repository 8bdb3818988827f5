import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, ServiceUnavailableError } from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { createDatabaseManager } from './createDatabaseManager';
import type { DatabaseManager } from './DatabaseManager';

/** Writes CommonJS knex migrations; the first one takes a moment so that concurrent runs overlap. */
async function writeMigrations(directory: string, options: { failing?: boolean } = {}): Promise<void> {
  await writeFile(
    join(directory, '001_things.js'),
    `exports.up = async (knex) => {
       if (knex.client.dialect === 'postgresql') await knex.raw('select pg_sleep(0.2)');
       await knex.schema.createTable('things', (t) => { t.string('id').primary(); });
     };
     exports.down = (knex) => knex.schema.dropTable('things');`,
  );
  await writeFile(
    join(directory, '002_more.js'),
    options.failing
      ? `exports.up = (knex) => knex.raw('select * from no_such_table'); exports.down = async () => {};`
      : `exports.up = (knex) => knex.schema.alterTable('things', (t) => { t.integer('size'); });
         exports.down = async () => {};`,
  );
}

describe.each(TEST_DATABASE_KINDS)('createDatabaseManager on %s', (kind) => {
  let database: TestDatabase;
  let manager: DatabaseManager;
  let migrations: string;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    manager = createDatabaseManager({ config: database.config, logger: createFakeLogger() });
    migrations = await mkdtemp(join(tmpdir(), 'atrium-migrations-'));
  });

  afterEach(async () => {
    await manager.destroy();
    await database.destroy();
    await rm(migrations, { recursive: true, force: true });
  });

  it('reports the configured client', () => {
    expect(manager.client).toBe(kind === 'sqlite' ? 'better-sqlite3' : 'pg');
  });

  it('keeps the tables of each namespace apart', async () => {
    const core = await manager.forNamespace('core').getClient();
    const catalog = await manager.forNamespace('catalog').getClient();
    for (const knex of [core, catalog]) {
      await knex.schema.createTable('items', (t) => {
        t.string('name');
      });
    }
    await core('items').insert({ name: 'from-core' });
    await catalog('items').insert({ name: 'from-catalog' });

    expect(await core('items').pluck('name')).toEqual(['from-core']);
    expect(await catalog('items').pluck('name')).toEqual(['from-catalog']);
  });

  it('returns the same service and client when a namespace is asked for twice', async () => {
    const first = manager.forNamespace('scorecards');
    expect(manager.forNamespace('scorecards')).toBe(first);
    expect(await first.getClient()).toBe(await manager.forNamespace('scorecards').getClient());
  });

  it('rejects a namespace that is not kebab-case', () => {
    expect(() => manager.forNamespace('My_Plugin')).toThrow(InputError);
    expect(() => manager.forNamespace('My_Plugin')).toThrow(/'My_Plugin'.*kebab-case/);
    expect(() => manager.forNamespace('../core')).toThrow(InputError);
    expect(() => manager.forNamespace('a'.repeat(64))).toThrow(InputError);
  });

  it('applies migrations in the namespace and can run them again', async () => {
    await writeMigrations(migrations);
    const service = manager.forNamespace('scorecards');

    await service.migrate({ directory: migrations });
    await service.migrate({ directory: migrations });

    const knex = await service.getClient();
    await knex('things').insert({ id: 'a', size: 3 });
    expect(await knex('things').select('id', 'size')).toEqual([{ id: 'a', size: 3 }]);
    expect(await knex('knex_migrations').count({ n: '*' })).toEqual([{ n: kind === 'sqlite' ? 2 : '2' }]);
    const core = await manager.forNamespace('core').getClient();
    expect(await core.schema.hasTable('things')).toBe(false);
  });

  it('queues concurrent migrations of one namespace in one process', async () => {
    await writeMigrations(migrations);
    const service = manager.forNamespace('scorecards');

    await Promise.all([
      service.migrate({ directory: migrations }),
      service.migrate({ directory: migrations }),
    ]);

    const knex = await service.getClient();
    expect(await knex('knex_migrations').pluck('name')).toEqual(['001_things.js', '002_more.js']);
  });

  it('reports a failing migration with the namespace and the directory', async () => {
    await writeMigrations(migrations, { failing: true });
    const promise = manager.forNamespace('scorecards').migrate({ directory: migrations });

    await expect(promise).rejects.toThrow(ServiceUnavailableError);
    await expect(promise).rejects.toThrow(/namespace 'scorecards'/);
    // Matched by shape: better-sqlite3 makes its errors in the realm that loaded it first.
    await expect(promise).rejects.toMatchObject({
      cause: expect.objectContaining({ message: expect.stringContaining('no_such_table') }),
    });
  });
});

describe('createDatabaseManager on SQLite', () => {
  let directory: string;
  let manager: DatabaseManager | undefined;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'atrium-sqlite-'));
  });

  afterEach(async () => {
    await manager?.destroy();
    await rm(directory, { recursive: true, force: true });
  });

  it('stores each namespace in its own file, in WAL mode with foreign keys on', async () => {
    const dataDirectory = join(directory, 'data');
    manager = createDatabaseManager({
      config: { client: 'better-sqlite3', connection: dataDirectory },
      logger: createFakeLogger(),
    });
    const knex = await manager.forNamespace('catalog').getClient();

    expect((await stat(join(dataDirectory, 'catalog.sqlite'))).isFile()).toBe(true);
    expect(await knex.raw('pragma journal_mode')).toEqual([{ journal_mode: 'wal' }]);
    expect(await knex.raw('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await knex.raw('pragma busy_timeout')).toEqual([{ timeout: 5000 }]);
  });

  it('gives each namespace a private in-memory database that lasts as long as the manager', async () => {
    manager = createDatabaseManager({
      config: { client: 'better-sqlite3', connection: ':memory:' },
      logger: createFakeLogger(),
    });
    const core = await manager.forNamespace('core').getClient();
    const catalog = await manager.forNamespace('catalog').getClient();
    await core.schema.createTable('items', (t) => {
      t.string('name');
    });
    await core.transaction(async (trx) => {
      await trx('items').insert({ name: 'kept' });
    });

    expect(await core('items').pluck('name')).toEqual(['kept']);
    expect(await catalog.schema.hasTable('items')).toBe(false);
    expect(await core.raw('pragma foreign_keys')).toEqual([{ foreign_keys: 1 }]);
  });

  it('names the file it could not open', async () => {
    const blocker = join(directory, 'blocker');
    await writeFile(blocker, 'not a directory');
    manager = createDatabaseManager({
      config: { client: 'better-sqlite3', connection: blocker },
      logger: createFakeLogger(),
    });

    const promise = manager.forNamespace('core').getClient();

    await expect(promise).rejects.toThrow(ServiceUnavailableError);
    await expect(promise).rejects.toThrow(`SQLite database '${join(blocker, 'core.sqlite')}'`);
  });

  it('rejects a connection object, which SQLite has no use for', () => {
    expect(() =>
      createDatabaseManager({
        config: { client: 'better-sqlite3', connection: { host: 'x' } },
        logger: createFakeLogger(),
      }),
    ).toThrow(InputError);
  });
});

describe('createDatabaseManager on PostgreSQL', () => {
  let database: TestDatabase;
  const managers: DatabaseManager[] = [];
  const createManager = () => {
    const manager = createDatabaseManager({ config: database.config, logger: createFakeLogger() });
    managers.push(manager);
    return manager;
  };

  beforeEach(async () => {
    database = await createTestDatabase('postgres');
  });

  afterEach(async () => {
    await Promise.all(managers.splice(0).map((manager) => manager.destroy()));
    await database.destroy();
  });

  it('creates one schema per namespace', async () => {
    const manager = createManager();
    await manager.forNamespace('core').getClient();
    await manager.forNamespace('my-plugin').getClient();

    const admin = database.knex('public');
    const schemas = await admin('pg_namespace').whereIn('nspname', ['core', 'my-plugin']).pluck('nspname');
    expect(schemas.sort()).toEqual(['core', 'my-plugin']);
  });

  it('lets two replicas create the schema and migrate the same namespace at once', async () => {
    const migrations = await mkdtemp(join(tmpdir(), 'atrium-migrations-'));
    try {
      await writeMigrations(migrations);
      const replicas = [createManager(), createManager(), createManager()];

      await Promise.all(
        replicas.map((manager) => manager.forNamespace('scorecards').migrate({ directory: migrations })),
      );

      const knex = database.knex('scorecards');
      expect(await knex('knex_migrations').pluck('name')).toEqual(['001_things.js', '002_more.js']);
      expect(await knex('knex_migrations').distinct('batch').pluck('batch')).toHaveLength(1);
    } finally {
      await rm(migrations, { recursive: true, force: true });
    }
  });

  it('names the host and database it could not connect to', async () => {
    const manager = createDatabaseManager({
      config: {
        client: 'pg',
        connection: { host: '127.0.0.1', port: 1, user: 'postgres', database: 'atrium_nowhere' },
      },
      logger: createFakeLogger(),
    });
    managers.push(manager);

    const promise = manager.forNamespace('core').getClient();

    await expect(promise).rejects.toThrow(ServiceUnavailableError);
    await expect(promise).rejects.toThrow(
      "PostgreSQL database 'atrium_nowhere' on 127.0.0.1:1 (namespace 'core'): connect ECONNREFUSED",
    );
    await expect(promise).rejects.toMatchObject({ cause: expect.objectContaining({ code: 'ECONNREFUSED' }) });
  });

  it('names the host of a connection string without its password', async () => {
    const manager = createDatabaseManager({
      config: { client: 'pg', connection: 'postgres://postgres:s3cret@127.0.0.1:1/atrium_nowhere' },
      logger: createFakeLogger(),
    });
    managers.push(manager);

    const error = await manager
      .forNamespace('core')
      .getClient()
      .catch((e: unknown) => e as Error);

    expect((error as Error).message).toContain("PostgreSQL database 'atrium_nowhere' on 127.0.0.1:1");
    expect((error as Error).message).not.toContain('s3cret');
  });
});
