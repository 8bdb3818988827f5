/** What an identity provider told us about the person signing in, before they are matched to a User entity. */
export interface SignInProfile {
  /** Provider id: `oidc`, `github` or `guest`. */
  provider: string;
  /** Claims the resolvers read, e.g. `email`, `login`, `preferred_username`. */
  claims: Record<string, unknown>;
  email?: string;
  displayName?: string;
  picture?: string;
}
