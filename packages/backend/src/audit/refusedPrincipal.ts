import type { UserPrincipal } from '@atrium/plugin-api';
import type { Request } from 'express';

// A symbol keeps the principal out of reach of anything that only knows the request's public shape.
const refusedKey = Symbol('atrium.refusedPrincipal');

type RequestWithRefused = Request & { [refusedKey]?: UserPrincipal };

/**
 * Where authentication leaves the principal of a request it recognised but refused
 * (a session cookie without the right CSRF header), so that the audit log names
 * whose session it was instead of `anonymous`. Never grants anything.
 */
export const refusedPrincipal = {
  set(req: Request, principal: UserPrincipal): void {
    (req as RequestWithRefused)[refusedKey] = principal;
  },
  get(req: Request): UserPrincipal | undefined {
    return (req as RequestWithRefused)[refusedKey];
  },
};
