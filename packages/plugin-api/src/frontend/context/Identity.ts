/** Who is signed in, as the shell learned it from `GET /api/core/auth/me`. */
export interface Identity {
  /** e.g. `user:default/guest`. */
  userEntityRef: string;
  /** The user and the groups they belong to; what "owned by me" means. */
  ownershipEntityRefs: string[];
  roles: string[];
  /** The name to show, from the User entity or the identity provider. */
  displayName?: string;
  email?: string;
  /** URL of the user's avatar image. */
  picture?: string;
  /** How the user signed in: `session` (a sign-in provider), `guest`, `token` or `api-token`. */
  via?: string;
}
