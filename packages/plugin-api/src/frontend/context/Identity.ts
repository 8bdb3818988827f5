/** Who is signed in, as the shell learned it from `GET /api/core/auth/me`. */
export interface Identity {
  /** e.g. `user:default/guest`. */
  userEntityRef: string;
  /** The user and the groups they belong to; what "owned by me" means. */
  ownershipEntityRefs: string[];
  roles: string[];
}
