import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import knexFactory, { type Knex } from 'knex';

/** The database engines every storage test runs against. */
export const TEST_DATABASE_KINDS = ['sqlite', 'postgres'] as const;

/** One of {@link TEST_DATABASE_KINDS}. */
export type TestDatabaseKind = (typeof TEST_DATABASE_KINDS)[number];

/** A database made for one test run, in the shape of `backend.database` config. */
export interface TestDatabase {
  kind: TestDatabaseKind;
  /** Value for `backend.database` in app-config. */
  config: { client: 'better-sqlite3' | 'pg'; connection: string | Record<string, unknown> };
  /** A knex on one namespace (a PostgreSQL schema, or `<namespace>.sqlite` in the SQLite directory), for assertions. */
  knex(namespace?: string): Knex;
  /** Closes connections and drops the database. */
  destroy(): Promise<void>;
}

const pgAdmin = {
  host: process.env.ATRIUM_TEST_PG_HOST ?? '127.0.0.1',
  port: Number(process.env.ATRIUM_TEST_PG_PORT ?? 5432),
  user: process.env.ATRIUM_TEST_PG_USER ?? 'postgres',
  password: process.env.ATRIUM_TEST_PG_PASSWORD,
};

/**
 * Makes a fresh, empty database: a temporary SQLite directory (one file per
 * namespace), or a new PostgreSQL database on 127.0.0.1:5432 (one schema per
 * namespace). `destroy` removes it again.
 */
export async function createTestDatabase(kind: TestDatabaseKind): Promise<TestDatabase> {
  const opened: Knex[] = [];
  const open = (config: Knex.Config) => {
    const k = knexFactory(config);
    opened.push(k);
    return k;
  };
  if (kind === 'sqlite') {
    const directory = await mkdtemp(join(tmpdir(), 'atrium-test-db-'));
    return {
      kind,
      config: { client: 'better-sqlite3', connection: directory },
      knex: (namespace = 'core') =>
        open({
          client: 'better-sqlite3',
          connection: { filename: join(directory, `${namespace}.sqlite`) },
          useNullAsDefault: true,
        }),
      destroy: async () => {
        await Promise.all(opened.map((k) => k.destroy()));
        await rm(directory, { recursive: true, force: true });
      },
    };
  }
  const database = `atrium_test_${randomBytes(6).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: { ...pgAdmin, database: 'postgres' } });
  try {
    await admin.raw(`CREATE DATABASE ${database}`);
  } finally {
    await admin.destroy();
  }
  const connection = { ...pgAdmin, database };
  return {
    kind,
    config: { client: 'pg', connection },
    knex: (namespace = 'core') =>
      open({ client: 'pg', connection, searchPath: [namespace], pool: { min: 0, max: 2 } }),
    destroy: async () => {
      await Promise.all(opened.map((k) => k.destroy()));
      const dropper = knexFactory({ client: 'pg', connection: { ...pgAdmin, database: 'postgres' } });
      try {
        await dropper.raw(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      } finally {
        await dropper.destroy();
      }
    },
  };
}
