import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { OAuthStateCookie } from './createOAuthStateCookie';
import { safeEqual } from './safeEqual';

/** The state the router hands a strategy through `options.state`. */
export interface AppState {
  returnTo: string;
  /** PKCE verifier made by the router (passport-openidconnect makes none itself). */
  verifier?: string;
}

type Fail = { message: string };
const mismatch: Fail = {
  message: 'Sign-in state did not match or expired; start the sign-in again from the sign-in page',
};

function matching(cookie: OAuthStateCookie, provider: string, req: Request, handle: unknown) {
  const saved = cookie.read(req);
  return saved !== undefined &&
    saved.provider === provider &&
    typeof handle === 'string' &&
    safeEqual(saved.handle, handle)
    ? saved
    : undefined;
}

// Express links every request to its response; the strategies give the store only the request.
function responseOf(req: Request): Response {
  if (req.res === undefined) {
    throw new Error('The OAuth state store needs an express request, which carries its response');
  }
  return req.res;
}

/**
 * State stores for passport-oauth2 (`pkce` stores: it makes the verifier) and
 * passport-openidconnect (it makes the nonce) that keep everything in the signed
 * state cookie instead of `req.session`.
 */
export function createOAuthStateStores(cookie: OAuthStateCookie, provider: string) {
  const newHandle = () => randomBytes(24).toString('base64url');
  return {
    /** For passport-oauth2 strategies with `pkce: true`. */
    oauth2: {
      store(
        req: Request,
        verifier: string,
        state: AppState,
        _meta: unknown,
        cb: (err: Error | null, handle?: string) => void,
      ) {
        const handle = newHandle();
        cookie.write(responseOf(req), { provider, handle, verifier, returnTo: state.returnTo });
        cb(null, handle);
      },
      verify(
        req: Request,
        handle: unknown,
        cb: (err: Error | null, ok: string | false, state?: unknown) => void,
      ) {
        const saved = matching(cookie, provider, req, handle);
        if (saved === undefined) {
          cb(null, false, mismatch);
          return;
        }
        cb(null, saved.verifier, { returnTo: saved.returnTo });
      },
    },
    /** For passport-openidconnect. */
    oidc: {
      store(
        req: Request,
        ctx: { nonce?: string },
        state: AppState,
        _meta: unknown,
        cb: (err: Error | null, handle?: string) => void,
      ) {
        const handle = newHandle();
        cookie.write(responseOf(req), {
          provider,
          handle,
          verifier: state.verifier ?? '',
          ...(ctx.nonce === undefined ? {} : { nonce: ctx.nonce }),
          returnTo: state.returnTo,
        });
        cb(null, handle);
      },
      verify(
        req: Request,
        handle: unknown,
        cb: (err: Error | null, ctx?: false | object, state?: unknown) => void,
      ) {
        const saved = matching(cookie, provider, req, handle);
        if (saved === undefined) {
          cb(null, false, mismatch);
          return;
        }
        cb(null, saved.nonce === undefined ? {} : { nonce: saved.nonce }, { returnTo: saved.returnTo });
      },
    },
  };
}
