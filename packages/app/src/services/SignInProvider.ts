/** A sign-in provider as `GET /api/core/auth/providers` lists it. */
export interface SignInProvider {
  /** `oidc`, `github`, `guest`, … */
  id: string;
  /** What the button says, e.g. "Okta". */
  title: string;
}
