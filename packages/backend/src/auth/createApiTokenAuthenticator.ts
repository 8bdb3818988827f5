import { ApiTokenStore } from './ApiTokenStore';
import type { Authenticator } from './Authenticator';
import { readBearerToken } from './readBearerToken';

/**
 * Accepts personal API tokens (`Authorization: Bearer atr_…`): the principal is
 * the token's owner with the token's scopes and `via: 'api-token'`. A malformed,
 * unknown, revoked or expired token is a 401 that says which.
 */
export function createApiTokenAuthenticator(options: {
  tokens: ApiTokenStore;
  ownershipOf(userEntityRef: string): Promise<string[]>;
}): Authenticator {
  const { tokens, ownershipOf } = options;
  return {
    name: 'api-token',
    async authenticate(req) {
      const bearer = readBearerToken(req);
      if (bearer === undefined || !ApiTokenStore.isApiToken(bearer)) {
        return undefined;
      }
      const token = await tokens.verify(bearer);
      return {
        type: 'user',
        userEntityRef: token.userEntityRef,
        ownershipEntityRefs: await ownershipOf(token.userEntityRef),
        roles: [],
        via: 'api-token',
        scopes: token.scopes,
      };
    },
  };
}
