import {
  type Entity,
  type EntityStoreService,
  type LoggerService,
  NotAllowedError,
  stringifyEntityRef,
} from '@atrium/plugin-api';
import type { IdentityResolverConfig } from './IdentityResolverConfig';
import { resolveOwnershipRefs } from './resolveOwnershipRefs';
import type { SessionPrincipal } from './SessionPrincipal';
import type { SignInProfile } from './SignInProfile';

/** Matches signed-in people to User entities and reads what they own. */
export interface IdentityResolver {
  /**
   * The principal for a sign-in, or `NotAllowedError` when nobody matches and
   * `auth.unknownUsers` is `refuse`.
   */
  signIn(profile: SignInProfile): Promise<SessionPrincipal>;
  /** The user ref plus every group it belongs to, transitively. */
  ownershipOf(userEntityRef: string): Promise<string[]>;
}

function claimOf(profile: SignInProfile, claim: string): string | undefined {
  const value = profile.claims[claim];
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

// Entity names allow letters, digits and [-_.], start and end alphanumeric, at most 63 characters.
function sanitizeName(text: string): string {
  const name = text
    .toLowerCase()
    .replace(/[^a-z0-9\-_.]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 63)
    .replace(/[^a-z0-9]+$/, '');
  return name || 'unknown';
}

/** The text a limited user's entity name is made from: the most human identifier the provider gave. */
function limitedNameOf(profile: SignInProfile): string {
  return sanitizeName(
    claimOf(profile, 'login') ??
      claimOf(profile, 'preferred_username') ??
      profile.email?.split('@')[0] ??
      claimOf(profile, 'sub') ??
      'unknown',
  );
}

/**
 * Creates the resolver: `resolvers` are tried in order (`email` matches
 * `spec.profile.email` case-insensitively, `annotation` matches an annotation to a
 * claim, `name` matches `metadata.name` in the default namespace to a claim); the
 * first that finds exactly one User wins. Reads go to the core entity store without
 * a read restriction: sign-in happens before any permission applies.
 */
export function createIdentityResolver(options: {
  store: EntityStoreService;
  resolvers: IdentityResolverConfig[];
  unknownUsers: 'refuse' | 'limited';
  logger: LoggerService;
}): IdentityResolver {
  const { store, resolvers, unknownUsers, logger } = options;

  const findUsers = async (query: Record<string, string>): Promise<Entity[]> =>
    (await store.query({ query: { $all: [{ kind: 'user' }, query] }, limit: 2, totalItems: false })).items;

  const match = async (resolver: IdentityResolverConfig, profile: SignInProfile): Promise<Entity[]> => {
    switch (resolver.by) {
      case 'email': {
        const email = profile.email ?? claimOf(profile, 'email');
        return email === undefined ? [] : findUsers({ 'spec.profile.email': email });
      }
      case 'annotation': {
        const value = claimOf(profile, resolver.claim);
        return value === undefined
          ? []
          : findUsers({ [`metadata.annotations.${resolver.annotation}`]: value });
      }
      case 'name': {
        const value = claimOf(profile, resolver.claim);
        if (value === undefined) {
          return [];
        }
        const user = await store.getByRef({ kind: 'user', namespace: 'default', name: value });
        return user === undefined ? [] : [user];
      }
    }
  };

  const ownershipOf = (userEntityRef: string) => resolveOwnershipRefs(store, userEntityRef);

  return {
    ownershipOf,
    async signIn(profile) {
      for (const resolver of resolvers) {
        const users = await match(resolver, profile);
        if (users.length > 1) {
          throw new NotAllowedError(
            `Sign-in matched more than one User entity by ${resolver.by}; make the catalog's users unique or change auth.resolvers`,
          );
        }
        const [user] = users;
        if (user !== undefined) {
          const userEntityRef = stringifyEntityRef({
            kind: 'user',
            namespace: user.metadata.namespace ?? 'default',
            name: user.metadata.name,
          });
          const userProfile = (user.spec?.profile ?? {}) as Record<string, unknown>;
          const text = (value: unknown) =>
            typeof value === 'string' && value.length > 0 ? value : undefined;
          const displayName = text(userProfile.displayName) ?? user.metadata.title ?? profile.displayName;
          const email = text(userProfile.email) ?? profile.email;
          const picture = text(userProfile.picture) ?? profile.picture;
          return {
            principal: {
              type: 'user',
              userEntityRef,
              ownershipEntityRefs: await ownershipOf(userEntityRef),
              roles: [],
              via: profile.provider === 'guest' ? 'guest' : 'session',
            },
            ...(displayName === undefined ? {} : { displayName }),
            ...(email === undefined ? {} : { email }),
            ...(picture === undefined ? {} : { picture }),
          };
        }
      }
      if (unknownUsers === 'refuse') {
        logger.warn('Refused a sign-in that matched no User entity', { provider: profile.provider });
        throw new NotAllowedError(
          'You signed in, but no User entity in the catalog matches you; ask an administrator to add you to the catalog',
        );
      }
      const userEntityRef = `user:default/${limitedNameOf(profile)}`;
      // Acting under the name of a catalog user the resolvers did not match would be impersonation.
      if ((await store.getByRef(userEntityRef, { fields: ['kind'] })) !== undefined) {
        throw new NotAllowedError(
          `Sign-in matched no User entity, and the limited name '${userEntityRef}' belongs to one; ask an administrator to fix auth.resolvers or the user's profile`,
        );
      }
      logger.info('Signed in a person the catalog does not know, with limited access', { userEntityRef });
      return {
        principal: {
          type: 'user',
          userEntityRef,
          ownershipEntityRefs: [userEntityRef],
          roles: [],
          via: 'session',
        },
        ...(profile.displayName === undefined ? {} : { displayName: profile.displayName }),
        ...(profile.email === undefined ? {} : { email: profile.email }),
        ...(profile.picture === undefined ? {} : { picture: profile.picture }),
      };
    },
  };
}
