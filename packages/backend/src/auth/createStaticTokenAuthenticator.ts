import { createHash, timingSafeEqual } from 'node:crypto';
import type { UserPrincipal } from '@atrium/plugin-api';
import type { Authenticator } from './Authenticator';
import { readBearerToken } from './readBearerToken';

// Hashing first gives equal-length buffers, so the comparison time reveals neither content nor length.
function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}

/**
 * Accepts `Authorization: Bearer <token>` for tokens configured in app-config (for
 * CI jobs and service accounts). Each token acts as its `subject` with its `roles`,
 * owning what the subject and its groups own (`ownershipOf`; only itself when absent).
 *
 * @example
 * createStaticTokenAuthenticator([{ token: secret, subject: 'user:default/ci-bot', roles: ['admin'] }]);
 */
export function createStaticTokenAuthenticator(
  tokens: Array<{ token: string; subject: string; roles: string[] }>,
  ownershipOf: (userEntityRef: string) => Promise<string[]> = async (ref) => [ref],
): Authenticator {
  const known = tokens.map((entry) => ({ ...entry, digest: digest(entry.token) }));
  return {
    name: 'static-token',
    async authenticate(req): Promise<UserPrincipal | undefined> {
      const presented = readBearerToken(req);
      if (presented === undefined) {
        return undefined;
      }
      const presentedDigest = digest(presented);
      // Every configured token is compared, so the time taken does not tell which one matched.
      let match: (typeof known)[number] | undefined;
      for (const entry of known) {
        if (timingSafeEqual(entry.digest, presentedDigest) && match === undefined) {
          match = entry;
        }
      }
      return match === undefined
        ? undefined
        : {
            type: 'user',
            userEntityRef: match.subject,
            ownershipEntityRefs: await ownershipOf(match.subject),
            roles: [...match.roles],
            via: 'token',
          };
    },
  };
}
