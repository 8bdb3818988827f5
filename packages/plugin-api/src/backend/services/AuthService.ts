import type { Request } from 'express';

/** A signed-in person (or a static token acting as one). */
export interface UserPrincipal {
  type: 'user';
  /** e.g. `user:default/jane.doe` */
  userEntityRef: string;
  /** The user ref plus every group the user belongs to. */
  ownershipEntityRefs: string[];
  /** Roles granted to the principal, e.g. `admin`. */
  roles: string[];
  /** How the principal authenticated. */
  via: 'token' | 'guest' | 'session';
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
