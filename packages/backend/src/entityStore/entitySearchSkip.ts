/**
 * Paths of an entity that are not search keys: relations are indexed from
 * the relation specs, status is processing output (as in Backstage), and
 * uid and etag are set by the store.
 */
export const entitySearchSkip: ReadonlySet<string> = new Set([
  'relations',
  'status',
  'metadata.uid',
  'metadata.etag',
]);
