import type { Request } from 'express';

/** A signed-in person (or a static token acting as one). */
export interface UserPrincipal {
  type: 'user';
  /** e.g. `user:default/jane.doe` */
  userEntityRef: string;
  /** The user ref plus every group the user belongs to. */
  ownershipEntityRefs: string[];
  /** Roles granted to the principal directly (static tokens); the policy adds the roles it maps from users and groups. */
  roles: string[];
  /**
   * How the principal authenticated: a static service `token` from config, a
   * `guest` or sign-in `session` (cookie), or a personal `api-token`.
   */
  via: 'token' | 'guest' | 'session' | 'api-token';
  /**
   * Permission-id patterns (`*`, `catalog.*`, `catalog.entity.read`) a personal
   * API token is limited to; absent means no limit beyond the user's own.
   */
  scopes?: string[];
}

/** No credentials were presented (only seen on routes that opt out of authentication). */
export interface NonePrincipal {
  type: 'none';
}

/** Who made a request. */
export interface Credentials {
  principal: UserPrincipal | NonePrincipal;
}

/** Reads the caller's identity, established by the core's authentication middleware. */
export interface AuthService {
  /** The credentials of the request being handled. */
  credentials(req: Request): Credentials;
  /** The credentials, or `AuthenticationError` when the caller is anonymous. */
  userCredentials(req: Request): Credentials & { principal: UserPrincipal };
}
