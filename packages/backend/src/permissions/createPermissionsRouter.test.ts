import { join } from 'node:path';
import { ConfigError } from '../config';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing/createTestDatabase';
import { createTestHost, TEST_TOKEN, type TestHost } from '../testing/createTestHost';

const fixtures = join(__dirname, 'fixtures');
const janeToken = 'jane-token-0123456789abcdef';
const bobToken = 'bob-token-0123456789abcdef';

const tokens = [
  { token: TEST_TOKEN, subject: 'user:default/test-user', roles: ['admin'] },
  { token: janeToken, subject: 'user:default/jane', roles: [] },
  { token: bobToken, subject: 'user:default/bob', roles: [] },
];

const roles = {
  admin: { members: ['group:default/platform'], allow: ['*'] },
  member: {
    members: ['*'],
    allow: ['notes.note.create', { permission: 'notes.entity.annotate', owned: true }],
  },
};

function component(name: string, owner: string) {
  return {
    entity: {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name, namespace: 'default' },
      spec: { type: 'service', lifecycle: 'production', owner },
    },
    owner,
  };
}

const json = (body: unknown, token: string | null = TEST_TOKEN) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
  token,
});

describe.each(TEST_DATABASE_KINDS)('the permissions API on %s', (kind) => {
  let database: TestDatabase;
  let host: TestHost;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    host = await createTestHost({
      pluginDirs: [fixtures],
      database,
      enabled: { notes: {} },
      config: { auth: { tokens }, permissions: { roles } },
    });
    const written = await host.fetch(
      '/api/notes/entities',
      json([component('jane-svc', 'user:default/jane'), component('team-svc', 'group:default/team-x')]),
    );
    expect(written.status).toBe(200);
  });
  afterAll(async () => {
    await host?.stop();
    await database.destroy();
  });

  it('answers 401 without credentials and 403 to a caller without core.policy.read', async () => {
    expect((await host.fetch('/api/core/permissions/policy', { token: null })).status).toBe(401);
    const forbidden = await host.fetch('/api/core/permissions/policy', { token: janeToken });
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toContain(
      'core.policy.read',
    );
    expect((await host.fetch('/api/core/permissions/authorize', json({ items: [] }, null))).status).toBe(401);
  });

  it('shows each caller the roles the policy gives them in GET /api/core/auth/me', async () => {
    const rolesOf = async (token: string) => {
      const res = await host.fetch('/api/core/auth/me', { token });
      return ((await res.json()) as { identity: { roles: string[] } }).identity.roles;
    };
    expect(await rolesOf(TEST_TOKEN)).toEqual(['admin', 'member']);
    expect(await rolesOf(janeToken)).toEqual(['member']);
  });

  it('shows the effective policy and every declared permission to an admin', async () => {
    const res = await host.fetch('/api/core/permissions/policy');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      developmentDefault: false,
      roles: [
        { name: 'admin', members: ['group:default/platform'], allow: [{ permission: '*', owned: false }] },
        {
          name: 'member',
          members: ['*'],
          allow: [
            { permission: 'notes.note.create', owned: false },
            { permission: 'notes.entity.annotate', owned: true },
          ],
        },
      ],
      plugins: [
        {
          pluginId: 'core',
          permissions: [
            expect.objectContaining({ id: 'core.audit.read', action: 'read' }),
            expect.objectContaining({ id: 'core.policy.read', action: 'read' }),
          ],
        },
        {
          pluginId: 'notes',
          permissions: [
            { id: 'notes.note.create', action: 'create', description: 'Create a note' },
            { id: 'notes.note.delete', action: 'delete', description: 'Delete a note' },
            {
              id: 'notes.entity.annotate',
              action: 'update',
              resourceType: 'catalog-entity',
              description: 'Annotate a catalog entity',
            },
          ],
        },
      ],
    });
  });

  it('authorizes a batch for the caller, looking up the owners of catalog entities', async () => {
    const annotate = { id: 'notes.entity.annotate', action: 'update', resourceType: 'catalog-entity' };
    const res = await host.fetch(
      '/api/core/permissions/authorize',
      json(
        {
          items: [
            { permission: { id: 'notes.note.create', action: 'create' } },
            { permission: { id: 'notes.note.delete', action: 'delete' } },
            { permission: annotate, resourceRef: 'component:default/jane-svc' },
            { permission: annotate, resourceRef: 'Component:default/Team-Svc' },
            { permission: annotate, resourceRef: 'component:default/does-not-exist' },
            { permission: annotate },
          ],
        },
        janeToken,
      ),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      items: [
        { allowed: true },
        { allowed: false },
        { allowed: true },
        { allowed: false },
        { allowed: false },
        { allowed: false },
      ],
    });
    const admin = await host.fetch(
      '/api/core/permissions/authorize',
      json({ items: [{ permission: annotate, resourceRef: 'component:default/team-svc' }] }),
    );
    expect(await admin.json()).toEqual({ items: [{ allowed: true }] });
  });

  it('answers 400 to a malformed batch, an unknown permission or more than 100 items', async () => {
    const post = (body: unknown) => host.fetch('/api/core/permissions/authorize', json(body, janeToken));
    const unknown = await post({ items: [{ permission: { id: 'notes.note.fly', action: 'use' } }] });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: { message: string } }).error.message).toContain(
      "items[0].permission.id: permission 'notes.note.fly' is not declared",
    );
    expect((await post({ items: [{ resourceRef: 'component:default/jane-svc' }] })).status).toBe(400);
    const notARef = await post({
      items: [{ permission: { id: 'notes.entity.annotate' }, resourceRef: 'just-a-name' }],
    });
    expect(notARef.status).toBe(400);
    expect(((await notARef.json()) as { error: { message: string } }).error.message).toContain('just-a-name');
    expect((await post({ permissions: [] })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => ({ permission: { id: 'notes.note.create' } }));
    expect((await post({ items: tooMany })).status).toBe(400);
    expect((await post({ items: tooMany.slice(1) })).status).toBe(200);
  });

  it('gives a plugin conditional decisions that the entity store applies', async () => {
    const annotatable = async (token: string) =>
      ((await (await host.fetch('/api/notes/entities/annotatable', { token })).json()) as { items: string[] })
        .items;
    expect(await annotatable(janeToken)).toEqual(['component:default/jane-svc']);
    expect(await annotatable(bobToken)).toEqual([]);
    expect((await annotatable(TEST_TOKEN)).sort()).toEqual([
      'component:default/jane-svc',
      'component:default/team-svc',
    ]);
  });

  it("decides a plugin's owned-only check on an entity named without its owners", async () => {
    const annotate = (name: string, token: string) =>
      host.fetch(`/api/notes/entities/component/default/${name}/annotate`, json({}, token));
    expect((await annotate('jane-svc', janeToken)).status).toBe(200);
    expect((await annotate('team-svc', janeToken)).status).toBe(403);
    expect((await annotate('jane-svc', bobToken)).status).toBe(403);
  });
});

describe('the permission policy at boot', () => {
  it('stops the boot when a role allows a permission id that no enabled plugin declares', async () => {
    const boot = createTestHost({
      pluginDirs: [fixtures],
      enabled: { notes: {} },
      config: {
        permissions: { roles: { member: { members: ['*'], allow: ['notes.*', 'notes.note.reed'] } } },
      },
    });
    await expect(boot).rejects.toThrow(ConfigError);
    await expect(boot).rejects.toThrow(
      /app-config\.overrides\.yaml: permissions\.roles\.member\.allow\[1\]: permission 'notes\.note\.reed' is not declared/,
    );
  });

  it('lets every signed-in user do everything when no roles are configured', async () => {
    const host = await createTestHost({
      pluginDirs: [fixtures],
      enabled: { notes: {} },
      config: { auth: { tokens } },
    });
    try {
      const policy = await host.fetch('/api/core/permissions/policy', { token: janeToken });
      expect(await policy.json()).toEqual(expect.objectContaining({ developmentDefault: true, roles: [] }));
      const res = await host.fetch(
        '/api/core/permissions/authorize',
        json({ items: [{ permission: { id: 'notes.note.delete' } }] }, bobToken),
      );
      expect(await res.json()).toEqual({ items: [{ allowed: true }] });
    } finally {
      await host.stop();
    }
  });
});
