import type { Request } from 'express';

/**
 * The values of one query parameter exactly as they appear in the URL, still
 * percent-encoded, so a parser can tell a literal separator from an encoded one.
 */
export function rawQueryValues(req: Request, name: string): string[] {
  const question = req.url.indexOf('?');
  if (question === -1) {
    return [];
  }
  const values: string[] = [];
  for (const pair of req.url.slice(question + 1).split('&')) {
    const eq = pair.indexOf('=');
    const key = eq === -1 ? pair : pair.slice(0, eq);
    if (key === name) {
      values.push(eq === -1 ? '' : pair.slice(eq + 1));
    }
  }
  return values;
}
