import type { Identity } from '@atrium/plugin-api/frontend';

/** A signed-in session as `POST /api/core/auth/<provider>/sign-in` returns it. */
export interface Session {
  token: string;
  /** ISO timestamp. */
  expiresAt: string;
  identity: Identity;
}
