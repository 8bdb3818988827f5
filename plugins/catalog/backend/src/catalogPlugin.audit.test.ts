import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTestDatabase,
  createTestHost,
  TEST_DATABASE_KINDS,
  TEST_TOKEN,
  type TestDatabase,
  type TestHost,
  waitFor,
} from '@atrium/backend/testing';

const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: alpha }
spec: { type: service, lifecycle: production, owner: user:alice }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: doomed }
spec: { type: service, lifecycle: experimental, owner: user:alice }
`;

const componentInfo = (name: string) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: ${name} }
spec: { type: service, lifecycle: production, owner: user:alice }
`;

const tokens = { admin: TEST_TOKEN, alice: 'alice-token-0123456789abcdef' };

type Caller = keyof typeof tokens;

/** An audit record as `GET /api/core/audit` answers it. */
interface AuditRecord {
  id: string;
  at: string;
  actor: string;
  via?: string;
  action: string;
  target: string;
  outcome: 'success' | 'failure';
  status: number;
  requestId?: string;
  pluginId: string;
}

describe.each(TEST_DATABASE_KINDS)('the audit records of catalog changes on %s', (databaseKind) => {
  let database: TestDatabase;
  let host: TestHost;
  let dir: string;

  const call = (caller: Caller, path: string, init: RequestInit = {}) =>
    host.fetch(`/api/catalog${path}`, {
      ...init,
      token: tokens[caller],
      headers: init.body ? { 'content-type': 'application/json' } : {},
    });
  const send = (caller: Caller, method: string, path: string, body?: unknown) =>
    call(caller, path, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  const audit = async (query: Record<string, string> = {}) => {
    const response = await host.fetch(`/api/core/audit?${new URLSearchParams({ limit: '500', ...query })}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: AuditRecord[] }).items;
  };

  /**
   * Every record once those of earlier requests are written: records are written
   * after a response has finished, so a later request's record (a core 404) marks
   * the point by which they have been.
   */
  const settledRecords = async () => {
    const marker = await host.fetch('/api/core/no-such-route', { method: 'POST' });
    expect(marker.status).toBe(404);
    const markerId = marker.headers.get('x-request-id');
    let records: AuditRecord[] = [];
    await waitFor('the marker record', async () => {
      records = await audit();
      return records.some((record) => record.requestId === markerId);
    });
    return records;
  };

  /** The records of the request `response` answered, without id and time, once the first has appeared. */
  const recordsOf = async (response: Response) => {
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    await waitFor(`a record of request ${requestId}`, async () =>
      (await audit()).some((record) => record.requestId === requestId),
    );
    return (await settledRecords())
      .filter((record) => record.requestId === requestId)
      .map(({ id: _id, at: _at, requestId: _requestId, ...rest }) => rest);
  };

  /** What the admin's successful `action` on `target` leaves: one record. */
  const byAdmin = (action: string, target: string, status: number) => [
    {
      actor: 'user:default/test-user',
      via: 'token',
      action: `catalog:${action}`,
      target: `/api/catalog${target}`,
      outcome: 'success',
      status,
      pluginId: 'catalog',
    },
  ];

  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'atrium-catalog-audit-')));
    await writeFile(join(dir, 'catalog-info.yaml'), catalogInfo);
    for (const name of ['extra', 'other']) {
      await mkdir(join(dir, 'roots', name), { recursive: true });
      await writeFile(join(dir, 'roots', name, 'catalog-info.yaml'), componentInfo(name));
    }
    database = await createTestDatabase(databaseKind);
    host = await createTestHost({
      pluginDirs: [join(__dirname, '../../..')],
      enabled: { catalog: {} },
      database,
      config: {
        auth: {
          tokens: [
            { token: tokens.admin, subject: 'user:default/test-user', roles: ['admin'] },
            { token: tokens.alice, subject: 'user:default/alice' },
          ],
        },
        permissions: {
          roles: {
            admin: { members: [], allow: ['*'] },
            member: { members: ['user:default/alice'], allow: ['catalog.entity.read'] },
          },
        },
        catalog: {
          locations: [{ type: 'file', target: join(dir, 'catalog-info.yaml') }],
          fileLocationRoots: [join(dir, 'roots')],
        },
      },
    });
    await waitFor(
      'the config location to be read',
      async () => (await call('admin', '/entities/by-name/component/default/doomed')).status === 200,
    );
  });
  afterAll(async () => {
    await host?.stop();
    await database?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('records registering, replacing and deleting a location once each, and a refused registration as a failure', async () => {
    const extra = { type: 'file', target: join(dir, 'roots/extra/catalog-info.yaml') };

    const refused = await send('alice', 'POST', '/locations', extra);
    expect(refused.status).toBe(403);
    expect(await recordsOf(refused)).toEqual([
      {
        actor: 'user:default/alice',
        via: 'token',
        action: 'catalog:POST /locations',
        target: '/api/catalog/locations',
        outcome: 'failure',
        status: 403,
        pluginId: 'catalog',
      },
    ]);

    const created = await send('admin', 'POST', '/locations', extra);
    expect(created.status).toBe(201);
    expect(await recordsOf(created)).toEqual(byAdmin('POST /locations', '/locations', 201));
    const { location } = (await created.json()) as { location: { id: string } };

    const replaced = await send('admin', 'PUT', `/locations/${location.id}`, {
      type: 'file',
      target: join(dir, 'roots/other/catalog-info.yaml'),
    });
    expect(replaced.status).toBe(200);
    expect(await recordsOf(replaced)).toEqual(
      byAdmin('PUT /locations/:id', `/locations/${location.id}`, 200),
    );

    const deleted = await send('admin', 'DELETE', `/locations/${location.id}`);
    expect(deleted.status).toBe(204);
    expect(await recordsOf(deleted)).toEqual(
      byAdmin('DELETE /locations/:id', `/locations/${location.id}`, 204),
    );
  });

  it('records a refresh and an entity deletion once each', async () => {
    const refreshed = await send('admin', 'POST', '/refresh', { entityRef: 'component:default/alpha' });
    expect(refreshed.status).toBe(200);
    expect(await recordsOf(refreshed)).toEqual(byAdmin('POST /refresh', '/refresh', 200));

    const doomed = (await (await call('admin', '/entities/by-name/component/default/doomed')).json()) as {
      metadata: { uid: string };
    };
    const path = `/entities/by-uid/${doomed.metadata.uid}`;
    const deleted = await send('admin', 'DELETE', path);
    expect(deleted.status).toBe(204);
    expect(await recordsOf(deleted)).toEqual(byAdmin('DELETE /entities/by-uid/:uid', path, 204));
  });

  it('records nothing for the read-only POST routes', async () => {
    const byQuery = await send('alice', 'POST', '/entities/by-query', { limit: 1 });
    expect(byQuery.status).toBe(200);
    const byRefs = await send('alice', 'POST', '/entities/by-refs', {
      entityRefs: ['component:default/alpha'],
    });
    expect(byRefs.status).toBe(200);

    const ids = [byQuery, byRefs].map((response) => response.headers.get('x-request-id'));
    expect(ids.every((id) => id !== null)).toBe(true);
    const records = await settledRecords();
    expect(records.filter((record) => ids.includes(record.requestId ?? null))).toEqual([]);
  });

  it('finds the records through GET /api/core/audit by actor and action', async () => {
    const alices = await audit({ actor: 'User:default/Alice' });
    expect(alices.map(({ action, outcome, status }) => ({ action, outcome, status }))).toEqual([
      { action: 'catalog:POST /locations', outcome: 'failure', status: 403 },
    ]);
    const locationChanges = await audit({
      actor: 'user:default/test-user',
      action: 'catalog:POST /locations',
    });
    expect(locationChanges.map(({ outcome, status }) => ({ outcome, status }))).toEqual([
      { outcome: 'success', status: 201 },
    ]);
    const deletions = await audit({ action: 'catalog:DELETE /entities/by-uid/:uid' });
    expect(deletions).toHaveLength(1);
    expect(deletions[0]?.actor).toBe('user:default/test-user');
  });
});
