import { NotAllowedError } from '@atrium/plugin-api';
import type { Request } from 'express';
import { refusedPrincipal } from '../audit/refusedPrincipal';
import type { Authenticator } from './Authenticator';
import { csrfHeaderName } from './csrfHeaderName';
import { readBearerToken } from './readBearerToken';
import { readCookie } from './readCookie';
import { requestSession } from './requestSession';
import type { SessionStore } from './SessionStore';
import { safeEqual } from './safeEqual';
import { sessionCookieName } from './sessionCookieName';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Accepts a session: the `atrium_session` cookie (browsers) or the same id as
 * `Authorization: Bearer` (scripts that signed in as guest). A cookie-authenticated
 * request with an unsafe method must carry `X-Atrium-CSRF` equal to the session's
 * CSRF token, else 403; bearer requests need none, as no browser sends them on
 * its own. Ownership refs are read again from the catalog once a session's are
 * older than `refreshAfterMs`, so group changes apply to live sessions.
 */
export function createSessionAuthenticator(options: {
  sessions: SessionStore;
  ownershipOf(userEntityRef: string): Promise<string[]>;
  refreshAfterMs: number;
  /** Requests that need no CSRF header even with a cookie (sign-in itself). */
  csrfExempt(req: Request): boolean;
  now?: () => number;
}): Authenticator {
  const { sessions, ownershipOf, refreshAfterMs, csrfExempt, now = Date.now } = options;
  return {
    name: 'session',
    async authenticate(req) {
      const bearer = readBearerToken(req);
      const id = bearer ?? readCookie(req, sessionCookieName);
      if (id === undefined) {
        return undefined;
      }
      const session = await sessions.use(id);
      if (session === undefined) {
        return undefined;
      }
      if (bearer === undefined && !safeMethods.has(req.method) && !csrfExempt(req)) {
        const presented = req.get(csrfHeaderName);
        if (presented === undefined || !safeEqual(presented, session.csrfToken)) {
          // The audit log records the refusal against this session's user: it may be a forgery aimed at them.
          refusedPrincipal.set(req, session.principal);
          throw new NotAllowedError(
            `${req.method} ${req.originalUrl.split('?')[0]} with a session cookie needs the X-Atrium-CSRF header set to the csrfToken from GET /api/core/auth/me`,
          );
        }
      }
      if (session.refreshedAt.getTime() + refreshAfterMs <= now()) {
        session.principal = {
          ...session.principal,
          ownershipEntityRefs: await ownershipOf(session.principal.userEntityRef),
        };
        await sessions.refresh(id, {
          principal: session.principal,
          ...(session.displayName === undefined ? {} : { displayName: session.displayName }),
          ...(session.email === undefined ? {} : { email: session.email }),
          ...(session.picture === undefined ? {} : { picture: session.picture }),
        });
      }
      requestSession.set(req, { id, session });
      return session.principal;
    },
  };
}
