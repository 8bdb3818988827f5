import type { Request } from 'express';

/**
 * The request's query string as `URLSearchParams`, read from the raw URL so
 * repeated parameters keep their order whatever query parser the app sets.
 */
export function requestQueryParams(req: Request): URLSearchParams {
  const question = req.url.indexOf('?');
  return new URLSearchParams(question === -1 ? '' : req.url.slice(question + 1));
}
