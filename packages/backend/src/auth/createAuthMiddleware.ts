import { AuthenticationError } from '@atrium/plugin-api';
import type { Request, RequestHandler } from 'express';
import type { Authenticator } from './Authenticator';
import { requestCredentials } from './requestCredentials';

/**
 * Establishes who is calling: the first authenticator that recognises the request
 * sets its credentials. Anonymous callers get the `none` principal on public routes
 * and a 401 elsewhere; an `Authorization` header nobody accepts is a 401 everywhere,
 * because a caller who sent a token expects to act as someone.
 *
 * @example
 * app.use('/api', createAuthMiddleware({ authenticators, isPublic: (req) => req.path === '/core/auth/guest/sign-in' }));
 */
export function createAuthMiddleware(options: {
  authenticators: Authenticator[];
  isPublic(req: Request): boolean;
}): RequestHandler {
  const { authenticators, isPublic } = options;
  return async (req, _res, next) => {
    for (const authenticator of authenticators) {
      const principal = await authenticator.authenticate(req);
      if (principal !== undefined) {
        requestCredentials.set(req, { principal });
        next();
        return;
      }
    }
    if (req.get('authorization') !== undefined) {
      next(new AuthenticationError('Invalid credentials'));
      return;
    }
    if (!isPublic(req)) {
      next(
        new AuthenticationError(
          'Missing credentials: sign in to the portal, or send an Authorization: Bearer <token> header',
        ),
      );
      return;
    }
    requestCredentials.set(req, { principal: { type: 'none' } });
    next();
  };
}
