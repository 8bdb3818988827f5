import {
  createTestDatabase,
  createTestHost,
  type OidcProvider,
  startOidcProvider,
  TEST_DATABASE_KINDS,
  type TestDatabase,
  type TestHost,
} from '../testing';
import { setCookieLine, setCookies } from './fixtures/cookieJar';
import { seedPeople } from './fixtures/seedPeople';

// The callback URL only has to agree between the portal's config and the provider's
// client: the test carries the redirect to the backend itself.
const baseUrl = 'http://localhost:7007';

describe.each(TEST_DATABASE_KINDS)('OIDC sign-in against a real oidc-provider on %s', (kind) => {
  let database: TestDatabase;
  let idp: OidcProvider;
  let host: TestHost;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    idp = await startOidcProvider({
      redirectUri: `${baseUrl}/api/core/auth/oidc/handler`,
      accounts: {
        jane: { email: 'jane.doe@example.com', name: 'Jane from the IdP' },
        stranger: { email: 'stranger@example.com' },
      },
    });
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      database,
      config: {
        backend: { baseUrl },
        auth: { providers: { oidc: { ...idp.config, title: 'Example SSO' } } },
      },
    });
    await seedPeople(database);
  });
  afterAll(async () => {
    await host?.stop();
    await idp?.stop();
    await database?.destroy();
  });

  const start = async (returnTo: string) => {
    const response = await host.fetch(`/api/core/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`, {
      token: null,
      redirect: 'manual',
    });
    return {
      response,
      location: response.headers.get('location') ?? '',
      state: setCookies(response).atrium_oauth_state,
    };
  };

  const finish = (callbackUrl: string, stateCookie: string | undefined) =>
    host.fetch(`/api/core/auth/oidc/handler${new URL(callbackUrl).search}`, {
      token: null,
      redirect: 'manual',
      headers: stateCookie === undefined ? {} : { cookie: `atrium_oauth_state=${stateCookie}` },
    });

  it('lists the provider with its title', async () => {
    const response = await host.fetch('/api/core/auth/providers', { token: null });
    expect(await response.json()).toEqual({ providers: [{ id: 'oidc', title: 'Example SSO' }] });
  });

  it('redirects to the provider with PKCE, state, nonce and the default scopes', async () => {
    const { response, location, state } = await start('/catalog');

    expect(response.status).toBe(302);
    const url = new URL(location);
    expect(`${url.origin}`).toBe(idp.issuer);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get('state')).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('nonce')).toBeTruthy();
    expect(url.searchParams.get('scope')).toBe('openid profile email');
    expect(url.searchParams.get('redirect_uri')).toBe(`${baseUrl}/api/core/auth/oidc/handler`);
    expect(state).toBeTruthy();
    expect(setCookieLine(response, 'atrium_oauth_state')).toMatch(/HttpOnly/);
  });

  it('signs a known person in: session cookie, redirect to returnTo, identity from the catalog', async () => {
    const { location, state } = await start('/catalog?kind=component');
    const callback = await idp.signIn(location, 'jane');
    const response = await finish(callback, state);

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/catalog?kind=component');
    const line = setCookieLine(response, 'atrium_session') ?? '';
    expect(line).toMatch(/; Path=\//);
    expect(line).toMatch(/; HttpOnly/);
    expect(line).toMatch(/; SameSite=Lax/);
    // http on localhost: a Secure cookie would be dropped by the browser.
    expect(line).not.toMatch(/; Secure/);

    const me = await host.fetch('/api/core/auth/me', {
      token: null,
      headers: { cookie: `atrium_session=${setCookies(response).atrium_session}` },
    });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({
      identity: {
        userEntityRef: 'user:default/jane',
        ownershipEntityRefs: [
          'user:default/jane',
          'group:default/team-a',
          'group:default/eng',
          'group:default/org',
        ],
        roles: [],
        via: 'session',
        displayName: 'Jane Doe',
        email: 'Jane.Doe@Example.com',
      },
      csrfToken: expect.stringMatching(/^[\w-]{32}$/),
    });
  });

  it('sends a person the catalog does not know back to the sign-in page with the reason', async () => {
    const { location, state } = await start('/');
    const response = await finish(await idp.signIn(location, 'stranger'), state);

    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location') ?? '', baseUrl);
    expect(target.pathname).toBe('/sign-in');
    expect(target.searchParams.get('error')).toMatch(/no User entity in the catalog matches you/);
    expect(setCookies(response).atrium_session).toBeUndefined();
  });

  it('refuses a callback without the state cookie of the browser that started it', async () => {
    const { location } = await start('/');
    const response = await finish(await idp.signIn(location, 'jane'), undefined);

    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '', baseUrl).searchParams.get('error')).toMatch(
      /state did not match/,
    );
    expect(setCookies(response).atrium_session).toBeUndefined();
  });

  it('refuses a returnTo that leads off the portal', async () => {
    for (const returnTo of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example/',
      'javascript:alert(1)',
    ]) {
      const { response } = await start(returnTo);
      expect(response.status).toBe(400);
    }
  });
});

describe('OIDC sign-in while the provider is unreachable', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await createTestHost({
      pluginDirs: [],
      enabled: {},
      config: {
        backend: { baseUrl },
        auth: { providers: { oidc: { issuer: 'http://127.0.0.1:9', clientId: 'a', clientSecret: 'b' } } },
      },
    });
  });
  afterAll(async () => {
    await host?.stop();
  });

  it('boots, and sends the browser back to the sign-in page naming the issuer to check', async () => {
    const response = await host.fetch('/api/core/auth/oidc/start', { token: null, redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location') ?? '', baseUrl).searchParams.get('error')).toBe(
      'OpenID Connect discovery at http://127.0.0.1:9/.well-known/openid-configuration failed; check auth.providers.oidc.issuer and that the provider is reachable',
    );
  });
});
