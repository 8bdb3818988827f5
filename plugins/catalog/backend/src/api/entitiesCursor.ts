import { type EntityPredicate, InputError } from '@atrium/plugin-api';

/** What an API cursor carries: the store's own cursor, and the predicate when the query came by POST. */
export interface EntitiesCursor {
  /** The entity store's opaque cursor. */
  storeCursor: string;
  /**
   * Present when the first page was asked with a predicate: `@backstage/catalog-client`
   * looks for this key to continue with `POST /entities/by-query`.
   */
  query?: EntityPredicate;
}

/** Encodes a cursor as Backstage does: standard base64 of JSON, which the client can decode with `atob`. */
export function encodeEntitiesCursor(cursor: EntitiesCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64');
}

/** Decodes a cursor made by {@link encodeEntitiesCursor}; anything else is a 400 `Malformed cursor`. */
export function decodeEntitiesCursor(text: string): EntitiesCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch (error) {
    throw new InputError(`Malformed cursor: ${(error as Error).message}`, { cause: error });
  }
  const storeCursor = (parsed as { storeCursor?: unknown } | null)?.storeCursor;
  if (typeof storeCursor !== 'string' || storeCursor === '') {
    throw new InputError('Malformed cursor: it was not made by this catalog');
  }
  const query = (parsed as { query?: unknown }).query;
  return query === undefined ? { storeCursor } : { storeCursor, query: query as EntityPredicate };
}
