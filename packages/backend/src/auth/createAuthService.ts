import { AuthenticationError, type AuthService, type Credentials } from '@atrium/plugin-api';
import type { Request } from 'express';
import { requestCredentials } from './requestCredentials';

/**
 * Reads the credentials `createAuthMiddleware` stored on the request. A request the
 * middleware never saw counts as anonymous, so a mounting mistake fails closed.
 */
export function createAuthService(): AuthService {
  const credentials = (req: Request): Credentials =>
    requestCredentials.get(req) ?? { principal: { type: 'none' } };
  return {
    credentials,
    userCredentials(req) {
      const { principal } = credentials(req);
      if (principal.type !== 'user') {
        throw new AuthenticationError(
          'This request needs a signed-in user; sign in to the portal, or send an Authorization: Bearer <token> header',
        );
      }
      return { principal };
    },
  };
}
