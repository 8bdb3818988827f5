import type { Authenticator } from './Authenticator';
import { readBearerToken } from './readBearerToken';
import type { SessionTokens } from './SessionTokens';

/** Accepts `Authorization: Bearer <session token>` for tokens the core issued at sign-in. */
export function createSessionAuthenticator(tokens: SessionTokens): Authenticator {
  return {
    name: 'session',
    async authenticate(req) {
      const token = readBearerToken(req);
      return token === undefined ? undefined : tokens.verify(token);
    },
  };
}
