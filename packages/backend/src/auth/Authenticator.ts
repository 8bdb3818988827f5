import type { UserPrincipal } from '@atrium/plugin-api';
import type { Request } from 'express';

/** Turns a request into a principal, or undefined when it carries nothing this authenticator understands. */
export interface Authenticator {
  /** Short name for logs, e.g. `static-token`. */
  readonly name: string;
  authenticate(req: Request): Promise<UserPrincipal | undefined>;
}
