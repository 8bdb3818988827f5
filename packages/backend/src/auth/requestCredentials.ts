import type { Credentials } from '@atrium/plugin-api';
import type { Request } from 'express';

// A symbol keeps the credentials out of reach of anything that only knows the request's public shape.
const credentialsKey = Symbol('atrium.credentials');

type RequestWithCredentials = Request & { [credentialsKey]?: Credentials };

/** Where the auth middleware leaves a request's credentials for the auth service to read. */
export const requestCredentials = {
  set(req: Request, credentials: Credentials): void {
    (req as RequestWithCredentials)[credentialsKey] = credentials;
  },
  get(req: Request): Credentials | undefined {
    return (req as RequestWithCredentials)[credentialsKey];
  },
};
