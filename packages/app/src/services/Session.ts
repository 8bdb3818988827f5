import type { Identity } from '@atrium/plugin-api/frontend';

/**
 * A signed-in session as `GET /api/core/auth/me` (or guest sign-in) describes it.
 * The session itself is the httpOnly `atrium_session` cookie, which scripts never see.
 */
export interface Session {
  identity: Identity;
  /** Sent as `X-Atrium-CSRF` on unsafe requests; absent for bearer-token callers. */
  csrfToken?: string;
}
