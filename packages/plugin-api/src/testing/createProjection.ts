import { InputError } from '../common/errors/InputError';
import { isJsonObject } from './isJsonObject';
import { resolvePath } from './resolvePath';

/**
 * Validates `fields` (dot paths) and returns a function keeping only those
 * parts of a value. Paths resolve as in {@link resolvePath}, so keys with dots
 * work; paths that are absent are left out.
 *
 * @example
 * createProjection(['kind', 'metadata.name'])(entity); // { kind: 'Component', metadata: { name: 'payments' } }
 */
export function createProjection(
  fields: string[],
): (value: Record<string, unknown>) => Record<string, unknown> {
  for (const field of fields) {
    if (typeof field !== 'string' || field === '') {
      throw new InputError(
        `Invalid field ${JSON.stringify(field)}: expected a dot path such as 'metadata.name'`,
      );
    }
    if (field.includes('[')) {
      throw new InputError(`Invalid field '${field}': array type fields are not supported`);
    }
  }
  return (value) => {
    const result: Record<string, unknown> = {};
    for (const field of fields) {
      const found = resolvePath(value, field);
      if (found) {
        setAt(result, found.keys, found.value);
      }
    }
    return result;
  };
}

function setAt(target: Record<string, unknown>, keys: string[], value: unknown): void {
  const [key, ...rest] = keys;
  if (key === undefined) {
    return;
  }
  if (rest.length === 0) {
    target[key] = value;
    return;
  }
  const child = target[key];
  const next = isJsonObject(child) ? child : {};
  target[key] = next;
  setAt(next, rest, value);
}
