import { createEarlyFetch } from './createEarlyFetch';

function fakeFetch(statuses: Record<string, number[]>) {
  return jest.fn(async (input: string, _init?: RequestInit) => {
    const status = statuses[input]?.shift() ?? 200;
    return new Response(JSON.stringify({ input, status }), { status });
  });
}

describe('createEarlyFetch', () => {
  it('asks for each path at once and answers the first GET of it with that response', async () => {
    const base = fakeFetch({});
    const fetch = createEarlyFetch(base, ['/api/core/auth/me', '/api/core/plugins']);
    expect(base.mock.calls.map(([input]) => input)).toEqual(['/api/core/auth/me', '/api/core/plugins']);

    await expect((await fetch('/api/core/plugins')).json()).resolves.toEqual({
      input: '/api/core/plugins',
      status: 200,
    });
    expect(base).toHaveBeenCalledTimes(2);
    // The early response answers once; the next request is a new one.
    await fetch('/api/core/plugins');
    expect(base).toHaveBeenCalledTimes(3);
  });

  it('drops a failed early response and makes the request again', async () => {
    const base = fakeFetch({ '/api/core/plugins': [401, 200] });
    const fetch = createEarlyFetch(base, ['/api/core/plugins']);
    const response = await fetch('/api/core/plugins');
    expect(response.status).toBe(200);
    expect(base).toHaveBeenCalledTimes(2);
  });

  it('makes the request again when the early one could not be sent', async () => {
    const base = jest
      .fn(async (_input: string, _init?: RequestInit) => new Response('{}'))
      .mockRejectedValueOnce(new TypeError('Failed to fetch'));
    const fetch = createEarlyFetch(base, ['/api/core/auth/me']);
    expect((await fetch('/api/core/auth/me')).status).toBe(200);
    expect(base).toHaveBeenCalledTimes(2);
  });

  it('lets the shell peek at a copy of an early response, once, without using it up', async () => {
    const base = fakeFetch({ '/api/core/auth/me': [401] });
    const fetch = createEarlyFetch(base, ['/api/core/plugins', '/api/core/auth/me']);
    const peeked = await fetch.peek('/api/core/plugins');
    await expect(peeked?.json()).resolves.toEqual({ input: '/api/core/plugins', status: 200 });
    await expect(fetch.peek('/api/core/plugins')).resolves.toBeUndefined();
    // The early response still answers the first fetch, whose body is its own.
    await expect((await fetch('/api/core/plugins')).json()).resolves.toEqual({
      input: '/api/core/plugins',
      status: 200,
    });
    expect(base).toHaveBeenCalledTimes(2);
    // A failed early response has nothing to peek at.
    await expect(fetch.peek('/api/core/auth/me')).resolves.toBeUndefined();
  });

  it('leaves other paths and other methods to the base fetch', async () => {
    const base = fakeFetch({});
    const fetch = createEarlyFetch(base, ['/api/core/plugins']);
    await fetch('/api/core/plugins', { method: 'POST' });
    await fetch('/api/catalog/entities');
    expect(base.mock.calls.map(([input, init]) => `${init?.method ?? 'GET'} ${input}`)).toEqual([
      'GET /api/core/plugins',
      'POST /api/core/plugins',
      'GET /api/catalog/entities',
    ]);
  });
});
