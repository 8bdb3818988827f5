import type { FetchFn } from '@atrium/plugin-api/frontend';
import type { SessionStore } from './SessionStore';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Wraps `fetch` for the session cookie: same-origin requests carry the cookie
 * (`credentials: 'same-origin'`) and, when their method is unsafe, the session's
 * CSRF token in `X-Atrium-CSRF`; a 401 ends the session, which sends the user
 * to sign-in.
 */
export function createAuthenticatedFetch(
  sessions: SessionStore,
  baseFetch: FetchFn,
  origin: string,
): FetchFn {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    const method = (init?.method ?? 'GET').toUpperCase();
    const csrfToken = sessions.session()?.csrfToken;
    // Never hand the token to another origin, whatever URL a plugin passes.
    if (csrfToken && !safeMethods.has(method) && new URL(input, origin).origin === origin) {
      headers.set('x-atrium-csrf', csrfToken);
    }
    const response = await baseFetch(input, { ...init, headers, credentials: 'same-origin' });
    if (response.status === 401) {
      sessions.clear();
    }
    return response;
  };
}
