import { type EntityPredicate, type EntityPrimitive, InputError } from '@atrium/plugin-api';
import type { Location } from './Location';

/** The location fields `POST /locations/by-query` can filter on (Backstage's). */
const fields: ReadonlyArray<keyof Location> = ['id', 'type', 'target', 'entityRef'];

const lower = (value: EntityPrimitive) => String(value).toLowerCase();

function matchesValue(field: string, actual: string, matcher: unknown): boolean {
  if (typeof matcher === 'string' || typeof matcher === 'number' || typeof matcher === 'boolean') {
    return actual.toLowerCase() === lower(matcher);
  }
  if (typeof matcher === 'object' && matcher !== null && !Array.isArray(matcher)) {
    const [operator, ...more] = Object.keys(matcher);
    const operand = (matcher as Record<string, unknown>)[operator ?? ''];
    if (more.length === 0) {
      if (operator === '$exists' && typeof operand === 'boolean') {
        return operand;
      }
      if (operator === '$in' && Array.isArray(operand)) {
        return operand.some((value) => matchesValue(field, actual, value));
      }
      if (operator === '$hasPrefix' && typeof operand === 'string') {
        return actual.toLowerCase().startsWith(operand.toLowerCase());
      }
    }
  }
  throw new InputError(
    `Invalid matcher for location field '${field}': ${JSON.stringify(matcher)}; use a value, $in, $exists or $hasPrefix`,
  );
}

/**
 * Whether a location matches a predicate of `POST /locations/by-query`: the
 * entity predicate language (`$all`, `$any`, `$not`, values, `$in`, `$exists`,
 * `$hasPrefix`, case-insensitive) over the fields `id`, `type`, `target` and
 * `entityRef`. `InputError` for anything else, so a typo is not an empty page.
 *
 * @example
 * matchesLocationPredicate(location, { $all: [{ type: 'url' }, { target: { $hasPrefix: 'https://github.com/acme/' } }] });
 */
export function matchesLocationPredicate(location: Location, predicate: EntityPredicate): boolean {
  if (typeof predicate !== 'object' || predicate === null || Array.isArray(predicate)) {
    throw new InputError('Invalid query, expected a predicate object');
  }
  const keys = Object.keys(predicate);
  const operator = keys.find((key) => key.startsWith('$'));
  if (operator !== undefined) {
    const operand = (predicate as Record<string, unknown>)[operator];
    if (keys.length > 1) {
      throw new InputError(
        `Operator ${operator} must be the only key of its object; wrap it in $all to combine`,
      );
    }
    if ((operator === '$all' || operator === '$any') && Array.isArray(operand)) {
      const items = operand as EntityPredicate[];
      return operator === '$all'
        ? items.every((item) => matchesLocationPredicate(location, item))
        : items.some((item) => matchesLocationPredicate(location, item));
    }
    if (operator === '$not' && typeof operand === 'object' && operand !== null) {
      return !matchesLocationPredicate(location, operand as EntityPredicate);
    }
    throw new InputError(
      `Invalid query operator ${operator}; expected $all or $any with an array, or $not with an object`,
    );
  }
  return keys.every((key) => {
    if (!fields.includes(key as keyof Location)) {
      throw new InputError(`Unknown location field '${key}' in query; filter on ${fields.join(', ')}`);
    }
    return matchesValue(key, location[key as keyof Location], (predicate as Record<string, unknown>)[key]);
  });
}
