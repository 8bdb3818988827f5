import type { Request, Response } from 'express';
import { createSignedCookieCodec } from './createSignedCookieCodec';
import { readCookie } from './readCookie';

/** What a sign-in remembers between `/start` and `/handler`. */
export interface OAuthState {
  provider: string;
  /** The `state` parameter sent to the provider. */
  handle: string;
  /** PKCE code verifier. */
  verifier: string;
  /** OIDC nonce, when the provider uses one. */
  nonce?: string;
  returnTo: string;
}

/** Reads and writes the short-lived OAuth state cookie. */
export interface OAuthStateCookie {
  write(res: Response, state: OAuthState): void;
  read(req: Request): OAuthState | undefined;
  clear(res: Response): void;
}

const name = 'atrium_oauth_state';
const path = '/api/core/auth';
const ttlMs = 10 * 60_000;

/**
 * A signed, httpOnly cookie scoped to `/api/core/auth` that carries the OAuth
 * state, PKCE verifier and nonce for ten minutes: sign-in needs no server-side
 * session store. SameSite=Lax, so it comes back on the provider's top-level redirect.
 */
export function createOAuthStateCookie(options: { secret: string; secure: boolean }): OAuthStateCookie {
  const codec = createSignedCookieCodec<OAuthState>({ secret: options.secret, purpose: name });
  const flags = { httpOnly: true, sameSite: 'lax', secure: options.secure, path } as const;
  return {
    write(res, state) {
      res.cookie(name, codec.encode(state, ttlMs), { ...flags, maxAge: ttlMs });
    },
    read(req) {
      return codec.decode(readCookie(req, name));
    },
    clear(res) {
      res.clearCookie(name, flags);
    },
  };
}
