import type { Identity } from '@atrium/plugin-api/frontend';
import type { Session } from './Session';

/** The body of `GET /api/core/auth/me` and of a guest sign-in. */
export interface SessionBody {
  identity: Identity;
  csrfToken?: string;
}

/** Keeps only the session fields the shell uses; a guest sign-in's bearer token stays out of memory. */
export function toSession(body: SessionBody): Session {
  return { identity: body.identity, ...(body.csrfToken ? { csrfToken: body.csrfToken } : {}) };
}
