import type { FetchFn } from '@atrium/plugin-api/frontend';
import type { SessionStore } from './SessionStore';

/**
 * Wraps `fetch` so every same-origin request carries the session's bearer token;
 * a 401 ends the session, which sends the user to sign-in.
 */
export function createAuthenticatedFetch(
  sessions: SessionStore,
  baseFetch: FetchFn,
  origin: string,
): FetchFn {
  return async (input, init) => {
    const session = sessions.get();
    const headers = new Headers(init?.headers);
    // Never hand the token to another origin, whatever URL a plugin passes.
    if (session && new URL(input, origin).origin === origin) {
      headers.set('authorization', `Bearer ${session.token}`);
    }
    const response = await baseFetch(input, { ...init, headers });
    if (response.status === 401) {
      sessions.clear();
    }
    return response;
  };
}
