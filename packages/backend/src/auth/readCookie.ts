import { parse } from 'cookie';
import type { Request } from 'express';

/** The value of one request cookie, or undefined when it is absent or empty. */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.get('cookie');
  if (header === undefined) {
    return undefined;
  }
  return parse(header)[name] || undefined;
}
