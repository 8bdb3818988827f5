import {
  createTestDatabase,
  createTestHost,
  TEST_DATABASE_KINDS,
  TEST_TOKEN,
  type TestDatabase,
  type TestHost,
} from '../testing';
import { setCookieLine, setCookies } from './fixtures/cookieJar';
import { errorMessageOf, readJson } from './fixtures/readJson';

interface GuestSignIn {
  token: string;
  expiresAt: string;
  csrfToken: string;
  identity: Record<string, unknown>;
}

/** The secret part of an `atr_<id>_<secret>` token; the secret itself may contain `_`. */
function secretOf(token: string): string {
  return token.split('_').slice(2).join('_');
}

describe.each(TEST_DATABASE_KINDS)('the core auth routes on %s', (kind) => {
  let database: TestDatabase;
  let host: TestHost;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      database,
      config: { backend: { baseUrl: 'https://portal.example.com' }, auth: { guest: { enabled: true } } },
    });
  });
  afterAll(async () => {
    await host?.stop();
    await database?.destroy();
  });

  const signInAsGuest = async () => {
    const response = await host.fetch('/api/core/auth/guest/sign-in', { method: 'POST', token: null });
    const body = (await response.json()) as GuestSignIn;
    return { response, body, cookie: `atrium_session=${setCookies(response).atrium_session}` };
  };

  /** A request as the shell makes it: the session cookie and, when given, the CSRF header. */
  const withCookie = (cookie: string, csrf?: string) => ({
    token: null,
    headers: {
      cookie,
      'content-type': 'application/json',
      ...(csrf === undefined ? {} : { 'x-atrium-csrf': csrf }),
    },
  });

  const createToken = (cookie: string, csrf: string | undefined, body: unknown) =>
    host.fetch('/api/core/auth/tokens', {
      method: 'POST',
      body: JSON.stringify(body),
      ...withCookie(cookie, csrf),
    });

  it('signs a guest in with a Secure session cookie and returns a token and CSRF token for scripts', async () => {
    const { response, body } = await signInAsGuest();

    expect(response.status).toBe(200);
    expect(body).toEqual({
      token: expect.stringMatching(/^[\w-]{43}$/),
      expiresAt: expect.any(String),
      csrfToken: expect.stringMatching(/^[\w-]{32}$/),
      identity: {
        userEntityRef: 'user:default/guest',
        ownershipEntityRefs: ['user:default/guest'],
        roles: [],
        via: 'guest',
        displayName: 'Guest',
      },
    });
    expect(setCookies(response).atrium_session).toBe(body.token);
    expect(setCookieLine(response, 'atrium_session')).toMatch(/; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
  });

  it('lists guest among the providers when it is enabled', async () => {
    const response = await host.fetch('/api/core/auth/providers', { token: null });
    expect(await response.json()).toEqual({ providers: [{ id: 'guest', title: 'Guest' }] });
  });

  it('answers GET /me with the CSRF token for a cookie session and none for a bearer token', async () => {
    const { body, cookie } = await signInAsGuest();

    const me = await host.fetch('/api/core/auth/me', withCookie(cookie));
    expect(await me.json()).toEqual({ identity: body.identity, csrfToken: body.csrfToken });
    const bearer = await host.fetch('/api/core/auth/me');
    expect(await bearer.json()).toEqual({
      identity: {
        userEntityRef: 'user:default/test-user',
        ownershipEntityRefs: ['user:default/test-user'],
        roles: ['admin'],
        via: 'token',
      },
    });
  });

  it('refuses an unsafe cookie request without the CSRF header or with a wrong one, and accepts the right one', async () => {
    const { body, cookie } = await signInAsGuest();
    const request = { name: 'ci', expiresInDays: 7 };

    const missing = await createToken(cookie, undefined, request);
    expect(missing.status).toBe(403);
    expect(await errorMessageOf(missing)).toMatch(/X-Atrium-CSRF header/);
    expect((await createToken(cookie, `${body.csrfToken}x`, request)).status).toBe(403);
    expect((await createToken(cookie, body.csrfToken, request)).status).toBe(201);
  });

  it('needs no CSRF header when the session id comes as a bearer token', async () => {
    const { body } = await signInAsGuest();

    const response = await host.fetch('/api/core/auth/tokens', {
      method: 'POST',
      token: body.token,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'script', expiresInDays: 1 }),
    });
    expect(response.status).toBe(201);
  });

  it('creates a personal API token shown once, lists it without the secret, and accepts it as a bearer with its scopes', async () => {
    const { body, cookie } = await signInAsGuest();

    const created = await createToken(cookie, body.csrfToken, {
      name: 'read-only',
      expiresInDays: 30,
      scopes: ['catalog.entity.read', 'scorecards.*'],
    });
    expect(created.status).toBe(201);
    const token = (await created.json()) as { token: string; id: string; expiresAt: string };
    expect(token.token).toMatch(/^atr_[0-9a-f]{16}_[\w-]{43}$/);

    const list = await host.fetch('/api/core/auth/tokens', withCookie(cookie));
    const listed = (await readJson<{ items: Array<{ id: string }> }>(list)).items.find(
      (item: { id: string }) => item.id === token.id,
    );
    expect(listed).toEqual({
      id: token.id,
      userEntityRef: 'user:default/guest',
      name: 'read-only',
      scopes: ['catalog.entity.read', 'scorecards.*'],
      createdAt: expect.any(String),
      expiresAt: token.expiresAt,
    });
    expect(
      JSON.stringify(await (await host.fetch('/api/core/auth/tokens', withCookie(cookie))).json()),
    ).not.toContain(secretOf(token.token));

    const me = await host.fetch('/api/core/auth/me', { token: token.token });
    expect((await readJson<{ identity: unknown }>(me)).identity).toEqual({
      userEntityRef: 'user:default/guest',
      ownershipEntityRefs: ['user:default/guest'],
      roles: [],
      via: 'api-token',
      scopes: ['catalog.entity.read', 'scorecards.*'],
    });
  });

  it('gives a new token every permission when no scopes are asked for', async () => {
    const { body, cookie } = await signInAsGuest();
    const created = await createToken(cookie, body.csrfToken, { name: 'all', expiresInDays: 1 });
    expect((await readJson<{ scopes: string[] }>(created)).scopes).toEqual(['*']);
  });

  it('revokes a token, after which it is a 401 that says so', async () => {
    const { body, cookie } = await signInAsGuest();
    const token = (await (
      await createToken(cookie, body.csrfToken, { name: 'short', expiresInDays: 1 })
    ).json()) as {
      token: string;
      id: string;
    };

    const revoked = await host.fetch(`/api/core/auth/tokens/${token.id}`, {
      method: 'DELETE',
      ...withCookie(cookie, body.csrfToken),
    });
    expect(revoked.status).toBe(204);
    const refused = await host.fetch('/api/core/auth/me', { token: token.token });
    expect(refused.status).toBe(401);
    expect(await errorMessageOf(refused)).toBe("API token 'short' was revoked; create a new one");
    const again = await host.fetch(`/api/core/auth/tokens/${token.id}`, {
      method: 'DELETE',
      ...withCookie(cookie, body.csrfToken),
    });
    expect(again.status).toBe(204);
    const unknown = await host.fetch('/api/core/auth/tokens/0000000000000000', {
      method: 'DELETE',
      ...withCookie(cookie, body.csrfToken),
    });
    expect(unknown.status).toBe(404);
  });

  it('answers unknown and malformed API tokens with a 401 that says which', async () => {
    const unknown = await host.fetch('/api/core/auth/me', {
      token: `atr_0123456789abcdef_${'A'.repeat(43)}`,
    });
    expect(unknown.status).toBe(401);
    expect(await errorMessageOf(unknown)).toMatch(/^Unknown API token/);
    const malformed = await host.fetch('/api/core/auth/me', { token: 'atr_nonsense' });
    expect(malformed.status).toBe(401);
    expect(await errorMessageOf(malformed)).toMatch(/^Malformed API token/);
  });

  it('lets only a session manage tokens, not an API token or a static token', async () => {
    const { body, cookie } = await signInAsGuest();
    const token = (await (
      await createToken(cookie, body.csrfToken, { name: 'x', expiresInDays: 1 })
    ).json()) as { token: string };

    for (const bearer of [token.token, TEST_TOKEN]) {
      const response = await host.fetch('/api/core/auth/tokens', {
        method: 'POST',
        token: bearer,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'y', expiresInDays: 1 }),
      });
      expect(response.status).toBe(403);
      expect(await errorMessageOf(response)).toMatch(/only be managed from a signed-in session/);
    }
  });

  it('refuses a token request beyond auth.apiTokens.maxDays or without a name, creating nothing', async () => {
    const { body, cookie } = await signInAsGuest();
    const count = async () =>
      (await readJson<{ items: unknown[] }>(await host.fetch('/api/core/auth/tokens', withCookie(cookie))))
        .items.length;
    const before = await count();

    const tooLong = await createToken(cookie, body.csrfToken, { name: 'forever', expiresInDays: 366 });
    expect(tooLong.status).toBe(400);
    expect(await errorMessageOf(tooLong)).toMatch(/\/expiresInDays must be <= 365/);
    expect((await createToken(cookie, body.csrfToken, { expiresInDays: 1 })).status).toBe(400);
    expect(
      (await createToken(cookie, body.csrfToken, { name: 'x', expiresInDays: 1, scopes: ['not a pattern'] }))
        .status,
    ).toBe(400);
    expect(await count()).toBe(before);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const { body, cookie } = await signInAsGuest();

    const out = await host.fetch('/api/core/auth/sign-out', {
      method: 'POST',
      ...withCookie(cookie, body.csrfToken),
    });
    expect(out.status).toBe(204);
    expect(setCookieLine(out, 'atrium_session')).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect((await host.fetch('/api/core/auth/me', withCookie(cookie))).status).toBe(401);
    expect((await host.fetch('/api/core/auth/me', { token: body.token })).status).toBe(401);
  });

  it('keeps a sign-out without the CSRF header from ending the session', async () => {
    const { cookie } = await signInAsGuest();

    expect(
      (await host.fetch('/api/core/auth/sign-out', { method: 'POST', ...withCookie(cookie) })).status,
    ).toBe(403);
    expect((await host.fetch('/api/core/auth/me', withCookie(cookie))).status).toBe(200);
  });

  it('stores only hashes of session ids and token secrets', async () => {
    const { body, cookie } = await signInAsGuest();
    const token = (await (
      await createToken(cookie, body.csrfToken, { name: 'hash', expiresInDays: 1 })
    ).json()) as { token: string };

    const knex = database.knex('core');
    const sessions = JSON.stringify(await knex('auth_sessions').select());
    const tokens = JSON.stringify(await knex('auth_api_tokens').select());
    expect(sessions).not.toContain(body.token);
    expect(tokens).not.toContain(secretOf(token.token));
  });
});

describe('the core auth routes with a small rate limit', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      config: { auth: { guest: { enabled: true }, rateLimit: { windowMs: 60_000, max: 2 } } },
    });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('answers the request over the limit with 429 and the usual error body', async () => {
    const signIn = () => host.fetch('/api/core/auth/guest/sign-in', { method: 'POST', token: null });
    expect((await signIn()).status).toBe(200);
    expect((await signIn()).status).toBe(200);

    const limited = await signIn();
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({
      error: {
        name: 'TooManyRequestsError',
        code: 'TOO_MANY_REQUESTS',
        message: 'Too many guest sign-in requests from this address; wait 60 seconds and try again',
      },
      request: { method: 'POST', url: '/api/core/auth/guest/sign-in' },
      response: { statusCode: 429 },
    });
  });
});

describe('the core auth routes with guest sign-in disabled', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await createTestHost({ pluginDirs: [], enabled: {} });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('answers guest sign-in with 404 and the config key to set', async () => {
    const response = await host.fetch('/api/core/auth/guest/sign-in', { method: 'POST', token: null });
    expect(response.status).toBe(404);
    expect(await errorMessageOf(response)).toBe(
      'Guest sign-in is not enabled; set auth.guest.enabled in app-config.yaml',
    );
  });

  it('answers a provider that is not configured with 404', async () => {
    const response = await host.fetch('/api/core/auth/oidc/start', { token: null });
    expect(response.status).toBe(404);
    expect(await errorMessageOf(response)).toMatch(/Sign-in provider 'oidc' is not configured/);
  });
});
