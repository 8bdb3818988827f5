import { setCookies } from '../auth/fixtures/cookieJar';
import { seedPeople } from '../auth/fixtures/seedPeople';
import {
  createTestDatabase,
  createTestHost,
  type OidcProvider,
  startOidcProvider,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestHost,
  waitFor,
} from '../testing';
import type { AuditRecord } from './AuditRecord';

// The callback URL only has to agree between the portal's config and the provider's client.
const baseUrl = 'http://localhost:7007';

describe.each(TEST_DATABASE_KINDS)('the audit records of sign-in, sign-out and API tokens on %s', (kind) => {
  let database: TestDatabase;
  let idp: OidcProvider;
  let host: TestHost;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    idp = await startOidcProvider({
      redirectUri: `${baseUrl}/api/core/auth/oidc/handler`,
      accounts: {
        jane: { email: 'jane.doe@example.com', name: 'Jane' },
        stranger: { email: 'Stranger@example.com' },
      },
    });
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      database,
      config: {
        backend: { baseUrl },
        auth: { guest: { enabled: true }, providers: { oidc: idp.config } },
      },
    });
    await seedPeople(database);
  });
  afterAll(async () => {
    await host?.stop();
    await idp?.stop();
    await database?.destroy();
  });

  const allRecords = async () => {
    const response = await host.fetch('/api/core/audit?limit=500');
    expect(response.status).toBe(200);
    return ((await response.json()) as { items: AuditRecord[] }).items;
  };

  /**
   * Every record once those of earlier requests are written: records are written
   * after a response has finished, so a later request's record (a 404 with the test
   * token) marks the point by which they have been.
   */
  const settledRecords = async () => {
    const marker = await host.fetch('/api/core/no-such-route', { method: 'POST' });
    expect(marker.status).toBe(404);
    const markerId = marker.headers.get('x-request-id');
    let records: AuditRecord[] = [];
    await waitFor('the marker record', async () => {
      records = await allRecords();
      return records.some((record) => record.requestId === markerId);
    });
    return records;
  };

  /**
   * The records of the request `response` answered, without their id and time,
   * once the first has appeared: a second one would be written at the same moment.
   */
  const recordsOf = async (response: Response) => {
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    await waitFor(`a record of request ${requestId}`, async () =>
      (await allRecords()).some((record) => record.requestId === requestId),
    );
    return (await settledRecords())
      .filter((record) => record.requestId === requestId)
      .map(({ id: _id, at: _at, ...rest }) => rest);
  };

  const signInAsGuest = async () => {
    const response = await host.fetch('/api/core/auth/guest/sign-in', { method: 'POST', token: null });
    expect(response.status).toBe(200);
    const { csrfToken } = (await response.clone().json()) as { csrfToken: string };
    return { response, csrfToken, cookie: `atrium_session=${setCookies(response).atrium_session}` };
  };

  const signInWithOidc = async (login: string) => {
    const start = await host.fetch('/api/core/auth/oidc/start?returnTo=/catalog', {
      token: null,
      redirect: 'manual',
    });
    const callback = await idp.signIn(start.headers.get('location') ?? '', login);
    return host.fetch(`/api/core/auth/oidc/handler${new URL(callback).search}`, {
      token: null,
      redirect: 'manual',
      headers: { cookie: `atrium_oauth_state=${setCookies(start).atrium_oauth_state}` },
    });
  };

  /** A request as the shell makes it: the session cookie and, when given, the CSRF header. */
  const asShell = (cookie: string, csrf?: string) => ({
    token: null,
    headers: {
      cookie,
      'content-type': 'application/json',
      ...(csrf === undefined ? {} : { 'x-atrium-csrf': csrf }),
    },
  });

  it('records a guest sign-in once, as the guest', async () => {
    const { response } = await signInAsGuest();

    expect(await recordsOf(response)).toEqual([
      {
        actor: 'user:default/guest',
        via: 'guest',
        action: 'core:sign-in',
        target: '/api/core/auth/guest',
        outcome: 'success',
        status: 200,
        requestId: response.headers.get('x-request-id'),
        pluginId: 'core',
      },
    ]);
  });

  it('records an OIDC sign-in once, as the user it resolved, though the callback is a GET', async () => {
    const response = await signInWithOidc('jane');
    expect(response.headers.get('location')).toBe('/catalog');

    expect(await recordsOf(response)).toEqual([
      {
        actor: 'user:default/jane',
        via: 'session',
        action: 'core:sign-in',
        target: '/api/core/auth/oidc',
        outcome: 'success',
        status: 302,
        requestId: response.headers.get('x-request-id'),
        pluginId: 'core',
      },
    ]);
  });

  it('records a refused sign-in once, under the e-mail the provider gave and never the code', async () => {
    const response = await signInWithOidc('stranger');
    expect(new URL(response.headers.get('location') ?? '', baseUrl).pathname).toBe('/sign-in');

    const records = await recordsOf(response);
    expect(records).toEqual([
      {
        actor: 'stranger@example.com',
        action: 'core:sign-in',
        target: '/api/core/auth/oidc',
        outcome: 'failure',
        status: 302,
        requestId: response.headers.get('x-request-id'),
        pluginId: 'core',
      },
    ]);
    expect(JSON.stringify(records)).not.toMatch(/code|state=/);
  });

  it('records a sign-out once, as the user who signed out', async () => {
    const signIn = await signInWithOidc('jane');
    const cookie = `atrium_session=${setCookies(signIn).atrium_session}`;
    const me = (await (await host.fetch('/api/core/auth/me', asShell(cookie))).json()) as {
      csrfToken: string;
    };

    const response = await host.fetch('/api/core/auth/sign-out', {
      method: 'POST',
      ...asShell(cookie, me.csrfToken),
    });
    expect(response.status).toBe(204);

    expect(await recordsOf(response)).toEqual([
      {
        actor: 'user:default/jane',
        via: 'session',
        action: 'core:sign-out',
        target: '/api/core/auth/sign-out',
        outcome: 'success',
        status: 204,
        requestId: response.headers.get('x-request-id'),
        pluginId: 'core',
      },
    ]);
  });

  it('records creating and revoking an API token once each, as the session user', async () => {
    const { cookie, csrfToken } = await signInAsGuest();

    const created = await host.fetch('/api/core/auth/tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'ci', expiresInDays: 1 }),
      ...asShell(cookie, csrfToken),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.clone().json()) as { id: string };
    const revoked = await host.fetch(`/api/core/auth/tokens/${id}`, {
      method: 'DELETE',
      ...asShell(cookie, csrfToken),
    });
    expect(revoked.status).toBe(204);

    const common = { actor: 'user:default/guest', via: 'guest', outcome: 'success', pluginId: 'core' };
    expect(await recordsOf(created)).toEqual([
      {
        ...common,
        action: 'core:POST /auth/tokens',
        target: '/api/core/auth/tokens',
        status: 201,
        requestId: created.headers.get('x-request-id'),
      },
    ]);
    expect(await recordsOf(revoked)).toEqual([
      {
        ...common,
        action: 'core:DELETE /auth/tokens/:id',
        target: `/api/core/auth/tokens/${id}`,
        status: 204,
        requestId: revoked.headers.get('x-request-id'),
      },
    ]);
  });

  it('records a cookie request refused for its missing CSRF header as a failure of the session user', async () => {
    const { cookie } = await signInAsGuest();

    const refused = await host.fetch('/api/core/auth/tokens', {
      method: 'POST',
      body: JSON.stringify({ name: 'forged', expiresInDays: 1 }),
      ...asShell(cookie),
    });
    expect(refused.status).toBe(403);

    expect(await recordsOf(refused)).toEqual([
      {
        actor: 'user:default/guest',
        via: 'guest',
        action: 'core:POST /auth/tokens',
        target: '/api/core/auth/tokens',
        outcome: 'failure',
        status: 403,
        requestId: refused.headers.get('x-request-id'),
        pluginId: 'core',
      },
    ]);
  });

  it('does not record requests refused for lack of credentials', async () => {
    const refused = await host.fetch('/api/core/auth/tokens', {
      method: 'POST',
      token: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'anonymous', expiresInDays: 1 }),
    });
    expect(refused.status).toBe(401);

    const requestId = refused.headers.get('x-request-id');
    expect((await settledRecords()).filter((record) => record.requestId === requestId)).toEqual([]);
  });
});
