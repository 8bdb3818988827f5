import { InputError } from '../../common/errors/InputError';
import { NotAllowedError } from '../../common/errors/NotAllowedError';
import { createApiClient } from './createApiClient';

describe('createApiClient', () => {
  it('prefixes paths with the base URL and parses JSON answers', async () => {
    const fetch = jest.fn(async () => Response.json({ ok: true }));
    const api = createApiClient({ baseUrl: '/api/hello', fetch });
    await expect(api.json('/greeting?x=1')).resolves.toEqual({ ok: true });
    expect(fetch).toHaveBeenCalledWith(
      '/api/hello/greeting?x=1',
      expect.objectContaining({ headers: expect.any(Headers) }),
    );
  });

  it('sends a body as JSON with its content type', async () => {
    const fetch = jest.fn(async (_url: string, _init?: RequestInit) => new Response(null, { status: 204 }));
    const api = createApiClient({ baseUrl: '/api/hello', fetch });
    await expect(api.json('/greetings', { method: 'POST', body: { text: 'hi' } })).resolves.toBeUndefined();
    const init = fetch.mock.calls[0]?.[1];
    expect(init?.body).toBe('{"text":"hi"}');
    expect(new Headers(init?.headers).get('content-type')).toBe('application/json');
  });

  it('throws the typed error of a failed response', async () => {
    const fetch = jest.fn(async () =>
      Response.json({ error: { name: 'NotAllowedError', message: 'no' } }, { status: 403 }),
    );
    const api = createApiClient({ baseUrl: '/api/hello', fetch });
    await expect(api.fetch('/secret')).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('refuses a path that does not start with a slash', async () => {
    const api = createApiClient({ baseUrl: '/api/hello', fetch: jest.fn() });
    await expect(api.json('greeting')).rejects.toBeInstanceOf(InputError);
  });
});
