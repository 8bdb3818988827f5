import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeDatabase, type FakeDatabase } from './createFakeDatabase';

describe('createFakeDatabase', () => {
  let directory: string;
  const databases: FakeDatabase[] = [];
  const open = () => {
    const database = createFakeDatabase();
    databases.push(database);
    return database;
  };

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'atrium-fake-db-'));
    await writeFile(
      join(directory, '20240101_items.js'),
      `exports.up = (knex) => knex.schema.createTable('items', (t) => { t.string('id').primary(); t.string('title'); });
       exports.down = (knex) => knex.schema.dropTable('items');`,
    );
    await writeFile(
      join(directory, '20240102_done.js'),
      `exports.up = (knex) => knex.schema.alterTable('items', (t) => { t.boolean('done'); });
       exports.down = () => {};`,
    );
    await writeFile(join(directory, '20240102_done.d.ts'), 'export {};');
  });

  afterAll(async () => {
    await Promise.all(databases.map((database) => database.destroy()));
    await rm(directory, { recursive: true, force: true });
  });

  it('applies the migrations of a directory in name order', async () => {
    const database = open();
    await database.migrate({ directory });
    const knex = await database.getClient();
    await knex('items').insert({ id: '1', title: 'write tests', done: true });
    expect(await knex('items').select('title', 'done')).toEqual([{ title: 'write tests', done: 1 }]);
  });

  it('runs TypeScript migrations when tests run through jest', async () => {
    const tsDirectory = join(directory, 'ts');
    await mkdir(tsDirectory);
    await writeFile(
      join(tsDirectory, '001_tags.ts'),
      `import type { Knex } from 'knex';
       export async function up(knex: Knex): Promise<void> { await knex.schema.createTable('tags', (t) => t.string('name')); }
       export async function down(): Promise<void> {}`,
    );
    const database = open();
    await database.migrate({ directory: tsDirectory });
    expect(await (await database.getClient()).schema.hasTable('tags')).toBe(true);
  });

  it('is safe to migrate again', async () => {
    const database = open();
    await database.migrate({ directory });
    await database.migrate({ directory });
    const knex = await database.getClient();
    expect(await knex('knex_migrations').pluck('name')).toEqual(['20240101_items.js', '20240102_done.js']);
  });

  it('gives each fake a private database', async () => {
    const first = open();
    const second = open();
    await first.migrate({ directory });
    const knex = await second.getClient();
    expect(await knex.schema.hasTable('items')).toBe(false);
  });

  it('returns the same client every time so data persists between calls', async () => {
    const database = open();
    const knex = await database.getClient();
    await knex.schema.createTable('notes', (table) => table.string('text'));
    await knex('notes').insert({ text: 'kept' });
    expect(await (await database.getClient())('notes').pluck('text')).toEqual(['kept']);
  });
});
