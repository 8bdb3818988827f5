import { mkdir, mkdtemp, realpath, writeFile } from 'node:fs/promises';
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
kind: Group
metadata: { name: team-a }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { memberOf: [team-a] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { memberOf: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: alpha, tags: [java] }
spec: { type: service, lifecycle: production, owner: user:alice }
---
apiVersion: backstage.io/v1alpha1
kind: API
metadata: { name: alpha-api }
spec: { type: openapi, lifecycle: production, owner: user:alice, definition: 'openapi: 3.0.0' }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: doomed }
spec: { type: service, lifecycle: experimental, owner: user:alice }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: beta, tags: [go] }
spec: { type: website, lifecycle: production, owner: user:bob, dependsOn: [component:alpha] }
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: gamma }
spec: { type: service, lifecycle: production, owner: team-a }
`;

/** Everything above plus the Location entity generated for the config location. */
const allEntities = 9;

const extraInfo = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata: { name: extra }
spec: { type: service, lifecycle: production, owner: user:alice }
`;

/** What alice may read: her user, what it owns, her group team-a and what the group owns. */
const aliceSees = ['alice', 'alpha', 'alpha-api', 'doomed', 'gamma', 'team-a'];

const tokens = {
  admin: TEST_TOKEN,
  alice: 'alice-token-0123456789abcdef',
  bob: 'bob-token-0123456789abcdefgh',
  carol: 'carol-token-0123456789abcdef',
  eve: 'eve-token-0123456789abcdefgh',
};

type Caller = keyof typeof tokens;

interface Entity {
  kind: string;
  metadata: { name: string; uid: string };
  relations?: Array<{ type: string; targetRef: string }>;
}

describe.each(TEST_DATABASE_KINDS)('catalog permissions on %s', (databaseKind) => {
  let database: TestDatabase;
  let host: TestHost;
  let dir: string;

  const call = (caller: Caller | null, path: string, init: RequestInit = {}) =>
    host.fetch(`/api/catalog${path}`, {
      ...init,
      token: caller === null ? null : tokens[caller],
      headers: init.body ? { 'content-type': 'application/json' } : {},
    });
  const json = async <T>(caller: Caller, path: string, init?: RequestInit): Promise<T> => {
    const res = await call(caller, path, init);
    expect(res.status).toBe(200);
    return (await res.json()) as T;
  };
  const post = (caller: Caller, path: string, body: unknown) =>
    call(caller, path, { method: 'POST', body: JSON.stringify(body) });
  const names = (entities: Array<Entity | null>) => entities.map((e) => e?.metadata.name ?? null).sort();

  beforeAll(async () => {
    dir = await realpath(await mkdtemp(join(tmpdir(), 'atrium-catalog-permissions-')));
    await writeFile(join(dir, 'catalog-info.yaml'), catalogInfo);
    await mkdir(join(dir, 'roots/extra'), { recursive: true });
    await writeFile(join(dir, 'roots/extra/catalog-info.yaml'), extraInfo);
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
            { token: tokens.bob, subject: 'user:default/bob' },
            { token: tokens.carol, subject: 'user:default/carol', roles: ['reader'] },
            { token: tokens.eve, subject: 'user:default/eve' },
          ],
        },
        permissions: {
          roles: {
            admin: { members: [], allow: ['*'] },
            member: {
              members: ['user:default/alice', 'user:default/bob'],
              allow: [
                { permission: 'catalog.entity.read', owned: true },
                { permission: 'catalog.entity.refresh', owned: true },
                { permission: 'catalog.entity.delete', owned: true },
                'catalog.entity.validate',
              ],
            },
            reader: { members: [], allow: ['catalog.entity.read', 'catalog.location.read'] },
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
      async () =>
        ((await (await call('admin', '/entities/by-query?limit=1')).json()) as { totalItems: number })
          .totalItems === allEntities,
    );
  });

  afterAll(async () => {
    await host?.stop();
    await database?.destroy();
  });

  describe('reads', () => {
    it('lists only owned entities to an owner, everything to a reader and nothing to a caller without a role', async () => {
      // Alice owns what her user owns and, through her group team-a, the group itself and gamma.
      expect(names(await json<Entity[]>('alice', '/entities'))).toEqual(aliceSees);
      expect(names(await json<Entity[]>('bob', '/entities'))).toEqual(['beta', 'bob']);
      expect(await json<Entity[]>('carol', '/entities')).toHaveLength(allEntities);
      expect(await json<Entity[]>('eve', '/entities')).toEqual([]);
      expect(await json<Entity[]>('eve', '/entities?limit=5&offset=0')).toEqual([]);
    });

    it('counts and pages by-query over readable entities only, cursor pages included', async () => {
      const seen: string[] = [];
      let page = await json<{ items: Entity[]; totalItems: number; pageInfo: { nextCursor?: string } }>(
        'alice',
        '/entities/by-query?limit=1&orderField=metadata.name,asc',
      );
      expect(page.totalItems).toBe(aliceSees.length);
      for (;;) {
        seen.push(...page.items.map((e) => e.metadata.name));
        if (!page.pageInfo.nextCursor) break;
        page = await json(
          'alice',
          `/entities/by-query?limit=1&cursor=${encodeURIComponent(page.pageInfo.nextCursor)}`,
        );
      }
      expect(seen).toEqual(aliceSees);
      const posted = await json<{ items: Entity[]; totalItems: number }>('bob', '/entities/by-query', {
        method: 'POST',
        body: JSON.stringify({ query: { kind: 'component' } }),
      });
      expect([posted.totalItems, names(posted.items)]).toEqual([1, ['beta']]);
      expect(await json('eve', '/entities/by-query')).toEqual({ items: [], totalItems: 0, pageInfo: {} });
    });

    it('finds by full text only what the caller may read', async () => {
      const search = (caller: Caller) =>
        json<{ items: Entity[] }>(caller, '/entities/by-query?fullTextFilterTerm=beta');
      expect(names((await search('bob')).items)).toEqual(['beta']);
      expect((await search('alice')).items).toEqual([]);
    });

    it('counts facets over readable entities only', async () => {
      expect(await json('alice', '/entity-facets?facet=kind')).toEqual({
        facets: {
          kind: [
            { value: 'API', count: 1 },
            { value: 'Component', count: 3 },
            { value: 'Group', count: 1 },
            { value: 'User', count: 1 },
          ],
        },
      });
      expect(
        await json('eve', '/entity-facets', { method: 'POST', body: JSON.stringify({ facets: ['kind'] }) }),
      ).toEqual({ facets: { kind: [] } });
    });

    it('answers null in by-refs and 404 by name, uid and ancestry for entities the caller may not read', async () => {
      const byRefs = await json<{ items: Array<Entity | null> }>('alice', '/entities/by-refs', {
        method: 'POST',
        body: JSON.stringify({ entityRefs: ['component:default/alpha', 'component:default/beta'] }),
      });
      expect(byRefs.items.map((e) => e?.metadata.name ?? null)).toEqual(['alpha', null]);
      expect((await call('alice', '/entities/by-name/component/default/alpha')).status).toBe(200);
      expect((await call('alice', '/entities/by-name/component/default/beta')).status).toBe(404);
      expect((await call('eve', '/entities/by-name/component/default/alpha')).status).toBe(404);
      const beta = await json<Entity>('admin', '/entities/by-name/component/default/beta');
      expect((await call('bob', `/entities/by-uid/${beta.metadata.uid}`)).status).toBe(200);
      expect((await call('alice', `/entities/by-uid/${beta.metadata.uid}`)).status).toBe(404);
      expect((await call('alice', '/entities/by-name/component/default/beta/ancestry')).status).toBe(404);
    });

    it('leaves unreadable parents out of the ancestry', async () => {
      type Ancestry = { items: Array<{ entity: Entity; parentEntityRefs: string[] }> };
      const path = '/entities/by-name/component/default/alpha/ancestry';
      const full = await json<Ancestry>('admin', path);
      expect(full.items[0]?.parentEntityRefs).toEqual([
        expect.stringMatching(/^location:default\/generated-/),
      ]);
      const owned = await json<Ancestry>('alice', path);
      expect(owned.items.map((i) => [i.entity.metadata.name, i.parentEntityRefs])).toEqual([['alpha', []]]);
    });

    it('drops relations to entities the caller may not read from the entities returned', async () => {
      const targets = async (caller: Caller) =>
        ((await json<Entity>(caller, '/entities/by-name/component/default/beta')).relations ?? [])
          .map((r) => `${r.type} ${r.targetRef}`)
          .sort();
      expect(await targets('carol')).toEqual([
        'dependsOn component:default/alpha',
        'ownedBy user:default/bob',
      ]);
      expect(await targets('bob')).toEqual(['ownedBy user:default/bob']);
    });

    it('answers 401 to anonymous callers and 403 to location reads without catalog.location.read', async () => {
      expect((await call(null, '/entities')).status).toBe(401);
      expect((await call('carol', '/locations')).status).toBe(200);
      const denied = await call('alice', '/locations');
      expect(denied.status).toBe(403);
      expect(((await denied.json()) as { error: { name: string; message: string } }).error).toMatchObject({
        name: 'NotAllowedError',
        message: expect.stringContaining('catalog.location.read'),
      });
      expect((await call('eve', '/locations/by-entity/component/default/alpha')).status).toBe(403);
    });
  });

  it("answers the UI's questions about catalog permissions as the routes decide them", async () => {
    const ask = async (caller: Caller, items: Array<{ id: string; resourceRef?: string }>) => {
      const res = await host.fetch('/api/core/permissions/authorize', {
        method: 'POST',
        token: tokens[caller],
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          items: items.map(({ id, resourceRef }) => ({
            permission: { id, action: 'update', resourceType: 'catalog-entity' },
            ...(resourceRef ? { resourceRef } : {}),
          })),
        }),
      });
      expect(res.status).toBe(200);
      return ((await res.json()) as { items: Array<{ allowed: boolean }> }).items.map((i) => i.allowed);
    };
    expect(
      await ask('alice', [
        { id: 'catalog.entity.refresh', resourceRef: 'component:default/alpha' },
        { id: 'catalog.entity.refresh', resourceRef: 'component:default/beta' },
        { id: 'catalog.location.create' },
      ]),
    ).toEqual([true, false, false]);
    expect(
      await ask('admin', [{ id: 'catalog.location.create' }, { id: 'catalog.file-location.create' }]),
    ).toEqual([true, true]);
  });

  describe('changes', () => {
    it('lets an owner refresh their entity (directly or through a group), 404s one they cannot read and 403s a reader', async () => {
      expect((await post('alice', '/refresh', { entityRef: 'component:default/alpha' })).status).toBe(200);
      expect((await post('alice', '/refresh', { entityRef: 'component:default/gamma' })).status).toBe(200);
      expect((await post('alice', '/refresh', { entityRef: 'component:default/beta' })).status).toBe(404);
      const denied = await post('carol', '/refresh', { entityRef: 'component:default/alpha' });
      expect(denied.status).toBe(403);
      expect(((await denied.json()) as { error: { message: string } }).error.message).toContain(
        "permission 'catalog.entity.refresh' on 'component:default/alpha'",
      );
    });

    it('checks catalog.entity.validate on validate-entity and analyze-location', async () => {
      const entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'x' },
        spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
      };
      const body = { entity, location: 'url:https://example.com/catalog-info.yaml' };
      expect((await post('alice', '/validate-entity', body)).status).toBe(200);
      expect((await post('eve', '/validate-entity', body)).status).toBe(403);
      const analyze = { location: { type: 'url', target: 'https://example.com/repo' } };
      expect((await post('eve', '/analyze-location', analyze)).status).toBe(403);
      const file = { location: { type: 'file', target: join(dir, 'roots/extra/catalog-info.yaml') } };
      expect((await post('alice', '/analyze-location', file)).status).toBe(403);
    });

    it('lets only admins register locations, and file locations only under catalog.fileLocationRoots', async () => {
      const extra = { type: 'file', target: join(dir, 'roots/extra/catalog-info.yaml') };
      expect((await post('alice', '/locations', extra)).status).toBe(403);
      expect((await post('carol', '/locations?dryRun=true', extra)).status).toBe(403);
      const outside = await post('admin', '/locations', {
        type: 'file',
        target: join(dir, 'catalog-info.yaml'),
      });
      expect(outside.status).toBe(403);
      expect(((await outside.json()) as { error: { message: string } }).error.message).toContain(
        'catalog.fileLocationRoots',
      );
      const traversal = await post('admin', '/locations', {
        type: 'file',
        target: `${dir}/roots/../catalog-info.yaml`,
      });
      expect(traversal.status).toBe(403);
      const created = await post('admin', '/locations', extra);
      expect(created.status).toBe(201);
      const { location } = (await created.json()) as { location: { id: string; target: string } };
      expect(location.target).toBe(extra.target);
      await waitFor(
        'the file location to be read',
        async () => (await call('alice', '/entities/by-name/component/default/extra')).status === 200,
      );
      expect((await call('bob', '/entities/by-name/component/default/extra')).status).toBe(404);
      expect((await call('alice', `/locations/${location.id}`, { method: 'DELETE' })).status).toBe(403);
      expect((await call('admin', `/locations/${location.id}`, { method: 'DELETE' })).status).toBe(204);
    });

    it('lets an owner delete their entity by uid, 403s a reader and leaves it alone for a caller who cannot read it', async () => {
      const doomed = await json<Entity>('admin', '/entities/by-name/component/default/doomed');
      const path = `/entities/by-uid/${doomed.metadata.uid}`;
      expect((await call('carol', path, { method: 'DELETE' })).status).toBe(403);
      expect((await call('bob', path, { method: 'DELETE' })).status).toBe(204);
      expect((await call('admin', '/entities/by-name/component/default/doomed')).status).toBe(200);
      expect((await call('alice', path, { method: 'DELETE' })).status).toBe(204);
      expect((await call('admin', path)).status).toBe(404);
    });
  });
});
