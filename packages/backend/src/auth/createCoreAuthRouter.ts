import { type LoggerService, NotFoundError, type UserPrincipal } from '@atrium/plugin-api';
import express from 'express';
import { createAuthService } from './createAuthService';
import type { SessionTokens } from './SessionTokens';

const guestSessionTtlSeconds = 60 * 60;

const guestPrincipal: UserPrincipal = {
  type: 'user',
  userEntityRef: 'user:default/guest',
  ownershipEntityRefs: ['user:default/guest'],
  roles: [],
  via: 'guest',
};

/** What the frontend learns about the signed-in user. */
function toIdentity(principal: UserPrincipal) {
  return {
    userEntityRef: principal.userEntityRef,
    ownershipEntityRefs: principal.ownershipEntityRefs,
    roles: principal.roles,
  };
}

/**
 * The core's own auth routes, mounted by the host at `/api/core/auth`:
 * `POST /guest/sign-in` (public, only when `auth.guest.enabled`) issues a session
 * token for `user:default/guest`, and `GET /me` returns the caller's identity.
 * Public paths are listed in `coreAuthPublicPaths`.
 */
export function createCoreAuthRouter(options: {
  guest: { enabled: boolean };
  tokens: SessionTokens;
  logger: LoggerService;
}): express.Router {
  const { guest, tokens, logger } = options;
  const auth = createAuthService();
  const router = express.Router();

  router.post('/guest/sign-in', (_req, res) => {
    if (!guest.enabled) {
      throw new NotFoundError('Guest sign-in is not enabled; set auth.guest.enabled in app-config.yaml');
    }
    const { token, expiresAt } = tokens.issue(guestPrincipal, guestSessionTtlSeconds);
    logger.info('Issued a guest session', { userEntityRef: guestPrincipal.userEntityRef });
    res.json({ token, expiresAt: expiresAt.toISOString(), identity: toIdentity(guestPrincipal) });
  });

  router.get('/me', (req, res) => {
    res.json({ identity: toIdentity(auth.userCredentials(req).principal) });
  });

  return router;
}
