import { loadSession } from './loadSession';

describe('loadSession', () => {
  it('asks /me with the cookie and keeps the identity and the CSRF token', async () => {
    const fetch = jest.fn(async (_input: string, _init?: RequestInit) =>
      Response.json({
        identity: { userEntityRef: 'user:default/ada', ownershipEntityRefs: [], roles: [], via: 'session' },
        csrfToken: 'c1',
      }),
    );
    await expect(loadSession(fetch)).resolves.toEqual({
      identity: { userEntityRef: 'user:default/ada', ownershipEntityRefs: [], roles: [], via: 'session' },
      csrfToken: 'c1',
    });
    expect(fetch.mock.calls[0]?.[0]).toBe('/api/core/auth/me');
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe('same-origin');
  });

  it('reads a 401 as signed out', async () => {
    await expect(loadSession(async () => new Response('{}', { status: 401 }))).resolves.toBeUndefined();
  });

  it('throws other failures as typed errors, so the shell can offer to try again', async () => {
    const fetch = async () =>
      Response.json(
        { error: { name: 'ServiceUnavailableError', message: 'database down' } },
        { status: 503 },
      );
    await expect(loadSession(fetch)).rejects.toMatchObject({ name: 'ServiceUnavailableError' });
  });
});
