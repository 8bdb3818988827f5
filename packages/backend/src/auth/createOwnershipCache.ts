/**
 * Remembers ownership refs per user for `ttlMs`, so bearer tokens (static and
 * personal) do not read the group tree on every request, yet group changes in
 * the catalog apply within `ttlMs`.
 */
export function createOwnershipCache(options: {
  ownershipOf(userEntityRef: string): Promise<string[]>;
  ttlMs: number;
  now?: () => number;
}): (userEntityRef: string) => Promise<string[]> {
  const { ownershipOf, ttlMs, now = Date.now } = options;
  const cache = new Map<string, { refs: Promise<string[]>; at: number }>();
  // Bounded: one entry per distinct token user, and the oldest go first.
  const maxEntries = 10_000;
  return (userEntityRef) => {
    const key = userEntityRef.toLowerCase();
    const hit = cache.get(key);
    if (hit !== undefined && hit.at + ttlMs > now()) {
      return hit.refs;
    }
    const refs = ownershipOf(key);
    cache.delete(key);
    cache.set(key, { refs, at: now() });
    refs.catch(() => cache.delete(key));
    if (cache.size > maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) {
        cache.delete(oldest);
      }
    }
    return refs;
  };
}
