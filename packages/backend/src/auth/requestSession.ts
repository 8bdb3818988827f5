import type { Request } from 'express';
import type { Session } from './SessionStore';

// A symbol keeps the session out of reach of anything that only knows the request's public shape.
const sessionKey = Symbol('atrium.session');

/** The session a request authenticated with, and its raw id. */
export interface RequestSession {
  id: string;
  session: Session;
}

type RequestWithSession = Request & { [sessionKey]?: RequestSession };

/** Where the session authenticator leaves the request's session for the auth routes (`/me`, `/sign-out`, `/tokens`). */
export const requestSession = {
  set(req: Request, value: RequestSession): void {
    (req as RequestWithSession)[sessionKey] = value;
  },
  get(req: Request): RequestSession | undefined {
    return (req as RequestWithSession)[sessionKey];
  },
};
