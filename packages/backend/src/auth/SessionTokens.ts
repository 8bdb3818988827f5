import type { UserPrincipal } from '@atrium/plugin-api';

/** A freshly signed session token and when it stops being accepted. */
export interface IssuedSessionToken {
  token: string;
  expiresAt: Date;
}

/** Signs and checks the core's session tokens (HMAC-SHA256, `base64url(payload).base64url(signature)`). */
export interface SessionTokens {
  /** Signs a token that stands for `principal` for `ttlSeconds`. */
  issue(principal: UserPrincipal, ttlSeconds: number): IssuedSessionToken;
  /** The principal a token stands for, or undefined when it is malformed, tampered with or expired. */
  verify(token: string): UserPrincipal | undefined;
}
