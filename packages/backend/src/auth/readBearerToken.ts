import type { Request } from 'express';

// RFC 6750 b64token; the scheme name is case-insensitive.
const bearerHeader = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/** The token of an `Authorization: Bearer <token>` header, or undefined when there is none. */
export function readBearerToken(req: Request): string | undefined {
  const header = req.get('authorization');
  return header === undefined ? undefined : bearerHeader.exec(header.trim())?.[1];
}
