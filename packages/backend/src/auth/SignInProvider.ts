import type { Strategy } from 'passport';

/** A way to sign in through an external identity provider, as a passport strategy. */
export interface SignInProvider {
  /** URL segment and passport name: `oidc`, `github`. */
  id: string;
  /** Shown on the sign-in page. */
  title: string;
  /**
   * The passport strategy; created on first use, because OIDC discovery needs the
   * provider to be up and a provider being down must not stop the portal booting.
   */
  strategy(): Promise<Strategy>;
}
