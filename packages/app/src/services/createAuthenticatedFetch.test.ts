import { createAuthenticatedFetch } from './createAuthenticatedFetch';
import { createSessionStore } from './createSessionStore';

function signedIn() {
  const sessions = createSessionStore();
  sessions.set({
    status: 'signed-in',
    session: {
      identity: { userEntityRef: 'user:default/ada', ownershipEntityRefs: [], roles: [] },
      csrfToken: 'csrf-1',
    },
  });
  return sessions;
}

const baseFetch = () => jest.fn(async (_input: string, _init?: RequestInit) => new Response('{}'));

describe('createAuthenticatedFetch', () => {
  it('sends the cookie and the CSRF token with an unsafe same-origin request', async () => {
    const base = baseFetch();
    await createAuthenticatedFetch(
      signedIn(),
      base,
      'http://portal.test',
    )('/api/catalog/refresh', {
      method: 'post',
    });
    const init = base.mock.calls[0]?.[1];
    expect(init?.credentials).toBe('same-origin');
    expect(new Headers(init?.headers).get('x-atrium-csrf')).toBe('csrf-1');
  });

  it('leaves the CSRF token off reads', async () => {
    const base = baseFetch();
    await createAuthenticatedFetch(signedIn(), base, 'http://portal.test')('/api/catalog/entities');
    expect(new Headers(base.mock.calls[0]?.[1]?.headers).has('x-atrium-csrf')).toBe(false);
  });

  it('never sends the CSRF token to another origin', async () => {
    const base = baseFetch();
    await createAuthenticatedFetch(
      signedIn(),
      base,
      'http://portal.test',
    )('https://elsewhere.test/x', {
      method: 'DELETE',
    });
    expect(new Headers(base.mock.calls[0]?.[1]?.headers).has('x-atrium-csrf')).toBe(false);
  });

  it('sends no bearer token: the session is the cookie', async () => {
    const base = baseFetch();
    await createAuthenticatedFetch(signedIn(), base, 'http://portal.test')('/api/x', { method: 'POST' });
    expect(new Headers(base.mock.calls[0]?.[1]?.headers).has('authorization')).toBe(false);
  });

  it('ends the session on a 401', async () => {
    const sessions = signedIn();
    const base = async () => new Response('{}', { status: 401 });
    const response = await createAuthenticatedFetch(
      sessions,
      base,
      'http://portal.test',
    )('/api/core/plugins');
    expect(response.status).toBe(401);
    expect(sessions.get()).toEqual({ status: 'signed-out' });
  });
});
