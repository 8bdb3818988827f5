import { createAuthenticatedFetch } from './createAuthenticatedFetch';
import type { SessionStore } from './SessionStore';

function sessionsWithToken(): SessionStore & { cleared: boolean } {
  const store = {
    cleared: false,
    get: () =>
      store.cleared
        ? undefined
        : {
            token: 'secret',
            expiresAt: '2030-01-01T00:00:00Z',
            identity: { userEntityRef: 'user:default/guest', ownershipEntityRefs: [], roles: [] },
          },
    set: () => undefined,
    clear: () => {
      store.cleared = true;
    },
    subscribe: () => () => undefined,
  };
  return store;
}

describe('createAuthenticatedFetch', () => {
  it('adds the bearer token to same-origin requests', async () => {
    const base = jest.fn(async (_input: string, _init?: RequestInit) => new Response('{}'));
    await createAuthenticatedFetch(sessionsWithToken(), base, 'http://portal.test')('/api/catalog/x');
    expect(new Headers(base.mock.calls[0]?.[1]?.headers).get('authorization')).toBe('Bearer secret');
  });

  it('never sends the token to another origin', async () => {
    const base = jest.fn(async (_input: string, _init?: RequestInit) => new Response('{}'));
    await createAuthenticatedFetch(
      sessionsWithToken(),
      base,
      'http://portal.test',
    )('https://elsewhere.test/x');
    expect(new Headers(base.mock.calls[0]?.[1]?.headers).has('authorization')).toBe(false);
  });

  it('ends the session on a 401', async () => {
    const sessions = sessionsWithToken();
    const base = async () => new Response('{}', { status: 401 });
    const response = await createAuthenticatedFetch(
      sessions,
      base,
      'http://portal.test',
    )('/api/core/plugins');
    expect(response.status).toBe(401);
    expect(sessions.cleared).toBe(true);
  });
});
