import { InputError } from '@atrium/plugin-api';
import { createFakeLogger } from '@atrium/plugin-api/testing';
import { createDatabaseManager } from '../database/createDatabaseManager';
import type { DatabaseManager } from '../database/DatabaseManager';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { AuditStore } from './AuditStore';

const base = {
  actor: 'user:default/jane',
  via: 'session',
  action: 'catalog:POST /locations',
  target: '/api/catalog/locations',
  outcome: 'success' as const,
  status: 201,
  pluginId: 'catalog',
};

describe.each(TEST_DATABASE_KINDS)('AuditStore on %s', (kind) => {
  let database: TestDatabase;
  let manager: DatabaseManager;
  let store: AuditStore;

  beforeEach(async () => {
    database = await createTestDatabase(kind);
    manager = createDatabaseManager({ config: database.config, logger: createFakeLogger() });
    store = await AuditStore.create(await manager.forNamespace('core').getClient());
  });
  afterEach(async () => {
    await manager.destroy();
    await database.destroy();
  });

  it('returns what it recorded, newest first, with the actor lowercased', async () => {
    await store.insert({
      ...base,
      actor: 'User:default/Jane',
      at: new Date('2026-11-01T10:00:00Z'),
      requestId: 'r-1',
    });
    await store.insert({
      ...base,
      actor: 'anonymous',
      via: undefined,
      action: 'core:POST /auth/guest/sign-in',
      target: '/api/core/auth/guest/sign-in',
      outcome: 'failure',
      status: 403,
      pluginId: 'core',
      at: new Date('2026-11-01T11:00:00Z'),
    });

    const { items, nextCursor } = await store.search({ limit: 10 });
    expect(nextCursor).toBeUndefined();
    expect(items).toEqual([
      {
        id: expect.any(String),
        at: '2026-11-01T11:00:00.000Z',
        actor: 'anonymous',
        action: 'core:POST /auth/guest/sign-in',
        target: '/api/core/auth/guest/sign-in',
        outcome: 'failure',
        status: 403,
        pluginId: 'core',
      },
      {
        id: expect.any(String),
        at: '2026-11-01T10:00:00.000Z',
        actor: 'user:default/jane',
        via: 'session',
        action: 'catalog:POST /locations',
        target: '/api/catalog/locations',
        outcome: 'success',
        status: 201,
        requestId: 'r-1',
        pluginId: 'catalog',
      },
    ]);
  });

  it('filters by actor, action, target, outcome and time, and pages with a cursor', async () => {
    for (let day = 1; day <= 5; day++) {
      await store.insert({
        ...base,
        target: `/api/catalog/locations/${day}`,
        at: new Date(`2026-11-0${day}T12:00:00Z`),
      });
    }
    await store.insert({ ...base, actor: 'user:default/bob', at: new Date('2026-11-03T13:00:00Z') });
    await store.insert({
      ...base,
      action: 'catalog:DELETE /locations/:id',
      outcome: 'failure',
      status: 404,
      at: new Date('2026-11-03T14:00:00Z'),
    });

    const targets = (page: { items: Array<{ target: string }> }) => page.items.map((i) => i.target);
    expect((await store.search({ limit: 10, actor: 'USER:default/bob' })).items).toHaveLength(1);
    expect((await store.search({ limit: 10, outcome: 'failure' })).items).toEqual([
      expect.objectContaining({ action: 'catalog:DELETE /locations/:id', status: 404 }),
    ]);
    expect((await store.search({ limit: 10, action: 'catalog:DELETE /locations/:id' })).items).toHaveLength(
      1,
    );
    expect(targets(await store.search({ limit: 10, target: '/api/catalog/locations/4' }))).toEqual([
      '/api/catalog/locations/4',
    ]);
    const window = await store.search({
      limit: 10,
      actor: 'user:default/jane',
      outcome: 'success',
      from: new Date('2026-11-02T00:00:00Z'),
      to: new Date('2026-11-04T12:00:00Z'),
    });
    expect(targets(window)).toEqual(['/api/catalog/locations/3', '/api/catalog/locations/2']);

    const first = await store.search({ limit: 3, actor: 'user:default/jane', outcome: 'success' });
    expect(targets(first)).toEqual([
      '/api/catalog/locations/5',
      '/api/catalog/locations/4',
      '/api/catalog/locations/3',
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await store.search({
      limit: 3,
      actor: 'user:default/jane',
      outcome: 'success',
      cursor: first.nextCursor as string,
    });
    expect(targets(second)).toEqual(['/api/catalog/locations/2', '/api/catalog/locations/1']);
    expect(second.nextCursor).toBeUndefined();
  });

  it('refuses a cursor it did not make', async () => {
    await expect(store.search({ limit: 10, cursor: 'not-a-cursor' })).rejects.toThrow(InputError);
    const forged = Buffer.from(JSON.stringify({ before: '1 or 1=1' })).toString('base64url');
    await expect(store.search({ limit: 10, cursor: forged })).rejects.toThrow(InputError);
  });

  it('prunes records older than the retention period', async () => {
    const now = new Date('2026-11-29T00:00:00Z');
    await store.insert({ ...base, target: '/old', at: new Date('2026-08-30T23:59:59Z') });
    await store.insert({ ...base, target: '/kept', at: new Date('2026-09-01T00:00:00Z') });

    expect(await store.prune(90, now)).toBe(1);
    expect((await store.search({ limit: 10 })).items.map((i) => i.target)).toEqual(['/kept']);
  });
});
