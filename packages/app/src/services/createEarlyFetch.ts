import type { FetchFn } from '@atrium/plugin-api/frontend';

/**
 * Starts a GET of each path at once — in the entry, while the shell's code is
 * still downloading — and returns a fetch that answers the first GET of each
 * path with that early response. Only a successful early response is used: a
 * failed one (say a 401 from before the user signed in) is dropped and the
 * request made again. Everything else goes straight to `baseFetch`.
 *
 * @example
 * const fetch = createEarlyFetch(window.fetch.bind(window), ['/api/core/auth/me']);
 * await fetch('/api/core/auth/me'); // the response of the request made above
 */
export function createEarlyFetch(baseFetch: FetchFn, paths: readonly string[]): FetchFn {
  const early = new Map(
    paths.map((path) => [
      path,
      baseFetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(
        () => undefined,
      ),
    ]),
  );
  return async (input, init) => {
    const pending = (init?.method ?? 'GET').toUpperCase() === 'GET' ? early.get(input) : undefined;
    if (pending !== undefined) {
      early.delete(input);
      const response = await pending;
      if (response?.ok) {
        return response;
      }
    }
    return baseFetch(input, init);
  };
}
