function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Finds the key of `object` that the leading segments name, trying the most
 * segments first so that keys containing dots (`backstage.io/orphan`) win,
 * exact spelling before case-insensitive.
 */
function matchKey(object: Record<string, unknown>, segments: string[]): [string, number] | undefined {
  for (let count = segments.length; count > 0; count--) {
    const candidate = segments.slice(0, count).join('.');
    if (Object.hasOwn(object, candidate)) {
      return [candidate, count];
    }
    const folded = candidate.toLowerCase();
    const key = Object.keys(object).find((k) => k.toLowerCase() === folded);
    if (key !== undefined) {
      return [key, count];
    }
  }
  return undefined;
}

function project(value: unknown, paths: string[][]): unknown {
  if (paths.some((segments) => segments.length === 0)) {
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => project(item, paths)).filter((item) => item !== undefined);
    return items.length > 0 ? items : undefined;
  }
  if (!isRecord(value)) {
    return undefined;
  }
  const byKey = new Map<string, string[][]>();
  for (const segments of paths) {
    const match = matchKey(value, segments);
    if (match) {
      const [key, count] = match;
      byKey.set(key, [...(byKey.get(key) ?? []), segments.slice(count)]);
    }
  }
  const result: Record<string, unknown> = {};
  for (const [key, rest] of byKey) {
    const projected = project(value[key], rest);
    if (projected !== undefined) {
      result[key] = projected;
    }
  }
  return Object.keys(result).length > 0 ? result : undefined;
}

/**
 * Keeps only the given dot paths of an entity. Paths go through arrays
 * (`metadata.links.url` keeps the url of every link) and are resolved
 * greedily, so `metadata.annotations.backstage.io/orphan` finds its key.
 */
export function projectEntity(entity: object, fields: readonly string[]): Record<string, unknown> {
  return (
    (project(
      entity,
      fields.map((field) => field.split('.')),
    ) as Record<string, unknown> | undefined) ?? {}
  );
}
