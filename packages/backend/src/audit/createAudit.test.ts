import { join } from 'node:path';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { createTestHost, TEST_TOKEN, type TestHost } from '../testing/createTestHost';
import { waitFor } from '../testing/waitFor';
import type { AuditRecord } from './AuditRecord';

const fixtures = join(__dirname, '../permissions/fixtures');
const janeToken = 'jane-token-0123456789abcdef';

interface Page {
  items: AuditRecord[];
  nextCursor?: string;
}

describe.each(TEST_DATABASE_KINDS)('the audit log on %s', (kind) => {
  let database: TestDatabase;
  let host: TestHost;

  const send = (method: string, path: string, token: string = TEST_TOKEN) =>
    host.fetch(path, {
      method,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'hello' }),
      token,
    });
  const search = async (query = '') => {
    const res = await host.fetch(`/api/core/audit${query}`);
    expect(res.status).toBe(200);
    return (await res.json()) as Page;
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    host = await createTestHost({
      pluginDirs: [fixtures],
      database,
      enabled: { notes: {} },
      config: {
        auth: {
          tokens: [
            { token: TEST_TOKEN, subject: 'user:default/test-user', roles: ['admin'] },
            { token: janeToken, subject: 'user:default/jane', roles: [] },
          ],
        },
        permissions: {
          roles: {
            admin: { members: [], allow: ['*'] },
            member: { members: ['*'], allow: ['notes.note.create'] },
          },
        },
      },
    });
    expect((await send('POST', '/api/notes/notes?token=never-stored')).status).toBe(201);
    expect((await send('PUT', '/api/notes/notes/1', janeToken)).status).toBe(200);
    expect((await send('PUT', '/api/notes/notes/99')).status).toBe(404);
    expect((await send('DELETE', '/api/notes/notes/1', janeToken)).status).toBe(403);
    expect((await send('DELETE', '/api/notes/notes/1')).status).toBe(204);
    expect((await host.fetch('/api/notes/entities/annotatable')).status).toBe(200);
    expect(
      (
        await host.fetch('/api/core/permissions/authorize', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ items: [] }),
        })
      ).status,
    ).toBe(200);
    // Records are written once each response has finished, so the last one may still be on its way.
    await waitFor('five audit records', async () => (await search()).items.length === 5);
  });
  afterAll(async () => {
    await host?.stop();
    await database.destroy();
  });

  it('records every change request with its actor, action pattern, path and outcome, newest first', async () => {
    const { items, nextCursor } = await search();
    expect(nextCursor).toBeUndefined();
    expect(
      items.map(({ actor, action, target, outcome, status, pluginId, via }) => ({
        actor,
        action,
        target,
        outcome,
        status,
        pluginId,
        via,
      })),
    ).toEqual([
      {
        actor: 'user:default/test-user',
        via: 'token',
        action: 'notes:DELETE /notes/:id',
        target: '/api/notes/notes/1',
        outcome: 'success',
        status: 204,
        pluginId: 'notes',
      },
      {
        actor: 'user:default/jane',
        via: 'token',
        action: 'notes:DELETE /notes/:id',
        target: '/api/notes/notes/1',
        outcome: 'failure',
        status: 403,
        pluginId: 'notes',
      },
      {
        actor: 'user:default/test-user',
        via: 'token',
        action: 'notes:PUT /notes/:id',
        target: '/api/notes/notes/99',
        outcome: 'failure',
        status: 404,
        pluginId: 'notes',
      },
      {
        actor: 'user:default/jane',
        via: 'token',
        action: 'notes:PUT /notes/:id',
        target: '/api/notes/notes/1',
        outcome: 'success',
        status: 200,
        pluginId: 'notes',
      },
      {
        actor: 'user:default/test-user',
        via: 'token',
        action: 'notes:POST /notes',
        target: '/api/notes/notes',
        outcome: 'success',
        status: 201,
        pluginId: 'notes',
      },
    ]);
    expect(
      items.every((item) => typeof item.requestId === 'string' && !Number.isNaN(Date.parse(item.at))),
    ).toBe(true);
    expect(JSON.stringify(items)).not.toContain('never-stored');
  });

  it('answers 401 without credentials and 403 without core.audit.read', async () => {
    expect((await host.fetch('/api/core/audit', { token: null })).status).toBe(401);
    const forbidden = await host.fetch('/api/core/audit', { token: janeToken });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toContain(
      'core.audit.read',
    );
  });

  it('filters by actor, action, target, outcome and time', async () => {
    expect((await search('?actor=User:default/Jane')).items.map((i) => i.status)).toEqual([403, 200]);
    expect((await search('?outcome=failure')).items.map((i) => i.status)).toEqual([403, 404]);
    expect(
      (await search(`?action=${encodeURIComponent('notes:DELETE /notes/:id')}&outcome=success`)).items.map(
        (i) => i.status,
      ),
    ).toEqual([204]);
    expect((await search('?target=/api/notes/notes/1')).items.map((i) => i.status)).toEqual([204, 403, 200]);
    const { items } = await search();
    const oldest = items.at(-1) as AuditRecord;
    expect((await search(`?to=${encodeURIComponent(oldest.at)}`)).items).toEqual([]);
    expect((await search(`?from=${encodeURIComponent(oldest.at)}`)).items).toHaveLength(5);
  });

  it('pages with a cursor', async () => {
    const first = await search('?limit=2');
    expect(first.items.map((i) => i.status)).toEqual([204, 403]);
    const second = await search(`?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.status)).toEqual([404, 200]);
    const third = await search(`?limit=2&cursor=${second.nextCursor}`);
    expect(third.items.map((i) => i.status)).toEqual([201]);
    expect(third.nextCursor).toBeUndefined();
  });

  it('answers 400 to bad search parameters', async () => {
    for (const query of [
      '?outcome=maybe',
      '?limit=0',
      '?limit=501',
      '?from=yesterday',
      '?cursor=x',
      '?who=me',
    ]) {
      expect([query, (await host.fetch(`/api/core/audit${query}`)).status]).toEqual([query, 400]);
    }
  });
});
