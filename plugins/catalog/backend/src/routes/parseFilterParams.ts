import { type EntityPredicate, type EntityValueMatcher, InputError } from '@atrium/plugin-api';

/**
 * Turns Backstage's legacy `filter` query parameters into a predicate:
 * repeated parameters are OR-ed, comma-separated conditions inside one are
 * AND-ed, a bare key means "exists" and a key given twice means "any of".
 *
 * @example
 * parseFilterParams(['kind=component,spec.type=service', 'kind=api'])
 */
export function parseFilterParams(filters: string[]): EntityPredicate | undefined {
  if (filters.length === 0) {
    return undefined;
  }
  const alternatives = filters.map((filter): EntityPredicate => {
    const byKey = new Map<string, string[] | 'exists'>();
    for (const part of filter.split(',')) {
      const trimmed = part.trim();
      if (!trimmed) {
        continue;
      }
      const eq = trimmed.indexOf('=');
      const key = (eq === -1 ? trimmed : trimmed.slice(0, eq)).trim();
      if (!key) {
        throw new InputError(`Invalid filter '${filter}': a condition has no key`);
      }
      if (eq === -1) {
        byKey.set(key, 'exists');
        continue;
      }
      const values = byKey.get(key);
      const value = trimmed.slice(eq + 1).trim();
      byKey.set(key, Array.isArray(values) ? [...values, value] : [value]);
    }
    const conditions: EntityPredicate[] = [...byKey].map(([key, values]) => {
      const matcher: EntityValueMatcher =
        values === 'exists'
          ? { $exists: true }
          : values.length === 1
            ? (values[0] as string)
            : { $in: values };
      return { [key]: matcher };
    });
    return conditions.length === 1 ? (conditions[0] as EntityPredicate) : { $all: conditions };
  });
  return alternatives.length === 1 ? alternatives[0] : { $any: alternatives };
}
