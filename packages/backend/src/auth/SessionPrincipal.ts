import type { UserPrincipal } from '@atrium/plugin-api';

/** A signed-in principal and the profile shown in the shell. */
export interface SessionPrincipal {
  principal: UserPrincipal;
  displayName?: string;
  email?: string;
  picture?: string;
}
