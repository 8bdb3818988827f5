import { type FetchFn, fromErrorResponse } from '@atrium/plugin-api/frontend';
import type { Session } from './Session';
import { type SessionBody, toSession } from './toSession';

/**
 * Asks the server who the session cookie belongs to: the session, or undefined
 * when there is none (401). Other failures are thrown as typed errors.
 */
export async function loadSession(fetch: FetchFn): Promise<Session | undefined> {
  const response = await fetch('/api/core/auth/me', {
    headers: { accept: 'application/json' },
    credentials: 'same-origin',
  });
  if (response.status === 401) {
    return undefined;
  }
  if (!response.ok) {
    throw await fromErrorResponse(response);
  }
  return toSession((await response.json()) as SessionBody);
}
