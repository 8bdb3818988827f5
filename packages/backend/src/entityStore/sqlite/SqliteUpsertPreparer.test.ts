import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type EntityUpsert, InputError } from '@atrium/plugin-api';
import { prepareSqliteUpserts } from './prepareSqliteUpserts';
import { SqliteUpsertPreparer } from './SqliteUpsertPreparer';

/** The built worker, as the portal runs it: `npm test` builds before it runs jest. */
const workerFile = join(__dirname, '../../../dist/entityStore/sqlite/sqliteUpsertWorker.js');

function upsertOf(i: number): EntityUpsert {
  return {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: `service-${i}`, tags: ['java', `t${i % 3}`], links: [{ url: `https://x/${i}` }] },
      spec: { type: 'service', owner: 'team-a' },
    },
    relations: [{ type: 'ownedBy', inverseType: 'ownerOf', targetRef: 'group:default/team-a' }],
    source: `location-${i % 2}`,
  };
}

describe('SqliteUpsertPreparer with the built worker', () => {
  let preparer: SqliteUpsertPreparer;

  beforeAll(() => {
    if (!existsSync(workerFile)) {
      throw new Error(`${workerFile} is missing: run 'npm run build' first`);
    }
  });

  beforeEach(() => {
    preparer = new SqliteUpsertPreparer({ workerFile, chunkSize: 3 });
  });

  afterEach(async () => {
    await preparer.close();
  });

  it('prepares chunks in order, as the thread itself would', async () => {
    const upserts = Array.from({ length: 8 }, (_, i) => upsertOf(i));
    const chunks = preparer.prepare(upserts);
    expect(chunks).toHaveLength(3);
    const prepared = (await Promise.all(chunks)).flat();
    expect(prepared).toEqual(prepareSqliteUpserts(JSON.stringify(upserts), 0));
    expect(prepared.map((upsert) => upsert.ref)).toEqual(
      upserts.map((_, i) => `component:default/service-${i}`),
    );
  });

  it('fails the chunk of an invalid upsert with an InputError naming its place in the mutation', async () => {
    const upserts: EntityUpsert[] = Array.from({ length: 7 }, (_, i) => upsertOf(i));
    upserts[4] = { entity: { ...upsertOf(4).entity, kind: '' } };
    const [first, second, third] = preparer.prepare(upserts);
    await expect(first).resolves.toHaveLength(3);
    await expect(second).rejects.toBeInstanceOf(InputError);
    await expect(second).rejects.toThrow('Entity #4 kind must be a non-empty string');
    await expect(third).resolves.toHaveLength(1);
  });

  it('refuses upserts that are not JSON data', () => {
    const upserts = Array.from({ length: 4 }, (_, i) => upsertOf(i));
    (upserts[3]?.entity.spec as Record<string, unknown>).size = BigInt(1);
    expect(() => preparer.prepare(upserts)).toThrow(InputError);
  });

  it('fails the chunks a stopped worker held, and starts a new worker for the next mutation', async () => {
    const upserts = Array.from({ length: 600 }, (_, i) => upsertOf(i));
    const chunks = preparer.prepare(upserts);
    await preparer.close();
    const last = chunks[chunks.length - 1];
    await expect(last).rejects.toThrow('The upsert worker stopped');
    const again = await Promise.all(preparer.prepare(upserts.slice(0, 5)));
    expect(again.flat().map((upsert) => upsert.ref)).toEqual(
      upserts.slice(0, 5).map((_, i) => `component:default/service-${i}`),
    );
  });

  it('prepares a mutation of one chunk or less in-thread, with the same errors', async () => {
    const inThread = new SqliteUpsertPreparer({});
    const [only] = inThread.prepare([upsertOf(0), { entity: { ...upsertOf(1).entity, kind: '' } }]);
    await expect(only).rejects.toThrow(new InputError('Entity #1 kind must be a non-empty string'));
  });
});
