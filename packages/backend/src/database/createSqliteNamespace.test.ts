import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteNamespace } from './createSqliteNamespace';

describe('createSqliteNamespace', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'atrium-sqlite-namespace-'));
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('opens a file in WAL mode that checkpoints every 16,000 pages and truncates the WAL back to 64 MB', async () => {
    const database = createSqliteNamespace({ directory, namespace: 'core', log: {} });
    try {
      const knex = await database.getClient();
      const pragma = async (name: string) =>
        ((await knex.raw(`PRAGMA ${name}`)) as Array<Record<string, unknown>>)[0];
      expect(await pragma('journal_mode')).toEqual({ journal_mode: 'wal' });
      expect(await pragma('wal_autocheckpoint')).toEqual({ wal_autocheckpoint: 16_000 });
      expect(await pragma('journal_size_limit')).toEqual({ journal_size_limit: 64 * 1024 * 1024 });
      expect(await pragma('foreign_keys')).toEqual({ foreign_keys: 1 });
    } finally {
      await database.destroy();
    }
  });
});
