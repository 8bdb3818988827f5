import type { AuthService, NonePrincipal, UserPrincipal } from '../backend/services/AuthService';
import { AuthenticationError } from '../common/errors/AuthenticationError';

/**
 * Creates an auth service that attributes every request to `principal`; by
 * default the token user `user:default/test-user` with no roles.
 *
 * @example
 * const auth = createFakeAuth({
 *   type: 'user',
 *   userEntityRef: 'user:default/jane',
 *   ownershipEntityRefs: ['user:default/jane', 'group:default/team-a'],
 *   roles: ['admin'],
 *   via: 'session',
 * });
 * const anonymous = createFakeAuth({ type: 'none' }); // userCredentials() throws AuthenticationError
 */
export function createFakeAuth(
  principal: UserPrincipal | NonePrincipal = {
    type: 'user',
    userEntityRef: 'user:default/test-user',
    ownershipEntityRefs: ['user:default/test-user'],
    roles: [],
    via: 'token',
  },
): AuthService {
  return {
    credentials: () => ({ principal }),
    userCredentials: () => {
      if (principal.type !== 'user') {
        throw new AuthenticationError(
          'This request needs a signed-in user; send an Authorization: Bearer <token> header',
        );
      }
      return { principal };
    },
  };
}
