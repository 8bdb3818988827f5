import { NotAllowedError, type UserPrincipal } from '@atrium/plugin-api';
import type { Request } from 'express';
import { createTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../testing';
import { createSessionAuthenticator } from './createSessionAuthenticator';
import { requestSession } from './requestSession';
import { SessionStore } from './SessionStore';

const jane: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/jane',
  ownershipEntityRefs: ['user:default/jane'],
  roles: [],
  via: 'session',
};

function requestWith(options: { method?: string; headers?: Record<string, string> }): Request {
  const headers = Object.fromEntries(
    Object.entries(options.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  return {
    method: options.method ?? 'GET',
    originalUrl: '/api/catalog/refresh',
    get: (name: string) => headers[name.toLowerCase()],
  } as unknown as Request;
}

describe.each(TEST_DATABASE_KINDS)('createSessionAuthenticator on %s', (kind) => {
  let database: TestDatabase;
  let sessions: SessionStore;
  let nowMs: number;
  let groups: string[];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    const knex = database.knex('core');
    if (kind === 'postgres') {
      await knex.raw('CREATE SCHEMA IF NOT EXISTS core');
    }
    sessions = await SessionStore.create(knex, { maxAgeMs: 60 * 60_000, now: () => nowMs });
  });
  afterAll(async () => {
    await database.destroy();
  });
  beforeEach(() => {
    nowMs = Date.UTC(2030, 0, 1);
    groups = [];
  });

  const authenticator = () =>
    createSessionAuthenticator({
      sessions,
      ownershipOf: async (ref) => [ref, ...groups],
      refreshAfterMs: 5 * 60_000,
      csrfExempt: (req) => req.get('x-exempt') === 'yes',
      now: () => nowMs,
    });

  it('turns the session cookie into its principal and leaves the session on the request', async () => {
    const session = await sessions.start({ principal: jane, displayName: 'Jane' });
    const req = requestWith({ headers: { cookie: `other=1; atrium_session=${session.id}` } });

    await expect(authenticator().authenticate(req)).resolves.toEqual(jane);
    expect(requestSession.get(req)?.session.csrfToken).toBe(session.csrfToken);
  });

  it('accepts the session id as a bearer token', async () => {
    const session = await sessions.start({ principal: jane });
    const req = requestWith({ method: 'POST', headers: { authorization: `Bearer ${session.id}` } });
    await expect(authenticator().authenticate(req)).resolves.toEqual(jane);
  });

  it('refuses an unsafe cookie request without the right CSRF header', async () => {
    const session = await sessions.start({ principal: jane });
    const cookie = `atrium_session=${session.id}`;

    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      await expect(
        authenticator().authenticate(requestWith({ method, headers: { cookie } })),
      ).rejects.toThrow(NotAllowedError);
    }
    await expect(
      authenticator().authenticate(
        requestWith({ method: 'POST', headers: { cookie, 'x-atrium-csrf': 'wrong' } }),
      ),
    ).rejects.toThrow(/X-Atrium-CSRF/);
    await expect(
      authenticator().authenticate(
        requestWith({ method: 'POST', headers: { cookie, 'x-atrium-csrf': session.csrfToken } }),
      ),
    ).resolves.toEqual(jane);
    await expect(
      authenticator().authenticate(requestWith({ method: 'POST', headers: { cookie, 'x-exempt': 'yes' } })),
    ).resolves.toEqual(jane);
  });

  it('does not recognise an unknown or expired session', async () => {
    const session = await sessions.start({ principal: jane });
    await expect(
      authenticator().authenticate(requestWith({ headers: { cookie: 'atrium_session=unknown' } })),
    ).resolves.toBeUndefined();

    nowMs += 61 * 60_000;
    await expect(
      authenticator().authenticate(requestWith({ headers: { cookie: `atrium_session=${session.id}` } })),
    ).resolves.toBeUndefined();
  });

  it('slides the expiry with use', async () => {
    const session = await sessions.start({ principal: jane });
    const use = () =>
      authenticator().authenticate(requestWith({ headers: { cookie: `atrium_session=${session.id}` } }));

    nowMs += 50 * 60_000;
    await expect(use()).resolves.toEqual(jane);
    nowMs += 50 * 60_000;
    await expect(use()).resolves.toEqual(jane);
  });

  it('reads ownership again once the session is older than the refresh interval', async () => {
    const session = await sessions.start({ principal: jane });
    const use = () =>
      authenticator().authenticate(requestWith({ headers: { cookie: `atrium_session=${session.id}` } }));
    groups = ['group:default/team-a'];

    nowMs += 60_000;
    expect((await use())?.ownershipEntityRefs).toEqual(['user:default/jane']);
    nowMs += 5 * 60_000;
    expect((await use())?.ownershipEntityRefs).toEqual(['user:default/jane', 'group:default/team-a']);
    groups = [];
    nowMs += 60_000;
    // Kept from the refresh until the next one is due.
    expect((await use())?.ownershipEntityRefs).toEqual(['user:default/jane', 'group:default/team-a']);
  });
});
