import type { FetchFn } from '@atrium/plugin-api/frontend';

/** A fetch holding early responses; `peek` reads a copy of one without using it up. */
export interface EarlyFetch extends FetchFn {
  /** A copy of the early response to `path` when it succeeded; undefined when it failed or was already used. */
  peek(path: string): Promise<Response | undefined>;
}

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
export function createEarlyFetch(baseFetch: FetchFn, paths: readonly string[]): EarlyFetch {
  const early = new Map(
    paths.map((path) => [
      path,
      baseFetch(path, { credentials: 'same-origin', headers: { accept: 'application/json' } }).catch(
        () => undefined,
      ),
    ]),
  );
  // Copied as soon as each arrives, before anyone can read its body.
  const copies = new Map(
    [...early].map(([path, pending]) => [
      path,
      pending.then((response) => (response?.ok ? response.clone() : undefined)),
    ]),
  );
  const fetch = async (input: string, init?: RequestInit) => {
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
  return Object.assign(fetch, {
    peek(path: string) {
      const copy = copies.get(path);
      copies.delete(path);
      return copy ?? Promise.resolve(undefined);
    },
  });
}
