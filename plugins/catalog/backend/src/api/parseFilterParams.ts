import { type EntityPredicate, type EntityValueMatcher, InputError } from '@atrium/plugin-api';

/** Maps whose keys are never array items, so their conditions stay as given. */
const mapPrefixes = ['metadata.annotations.', 'metadata.labels.', 'relations.'];

/**
 * Backstage lets a scalar array item be filtered as a key of its own
 * (`metadata.tags.java` exists, or `=true`); the store knows the array, so the
 * item form also matches when `<parent>` holds `<last segment>`.
 */
function withArrayItemForm(key: string, matcher: EntityValueMatcher): EntityPredicate {
  const condition: EntityPredicate = { [key]: matcher };
  const dot = key.lastIndexOf('.');
  const isItemForm = typeof matcher === 'object' ? '$exists' in matcher : matcher === 'true';
  if (dot <= 0 || dot === key.length - 1 || !isItemForm || mapPrefixes.some((p) => key.startsWith(p))) {
    return condition;
  }
  return { $any: [condition, { [key.slice(0, dot)]: key.slice(dot + 1) }] };
}

function decodeComponent(text: string, filter: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch (error) {
    throw new InputError(`Invalid filter '${filter}': bad percent-encoding`, { cause: error });
  }
}

function splitAtEquals(text: string): [string, string | undefined] {
  const eq = text.indexOf('=');
  return eq === -1 ? [text.trim(), undefined] : [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/**
 * Splits one raw `filter` value into `[key, value?]` conditions. When the
 * value has literal `,` or `=` the caller used them as separators, so encoded
 * ones (`%2C`, `%3D`) belong to keys and values; when it has none (the way
 * `@backstage/catalog-client` encodes everything) the decoded text is split,
 * as Backstage does.
 */
function splitConditions(raw: string): Array<[string, string | undefined]> {
  if (!/[,=]/.test(raw)) {
    return decodeComponent(raw, raw).split(',').map(splitAtEquals);
  }
  return raw.split(',').map((part) => {
    const eq = part.indexOf('=');
    if (eq === -1) {
      return splitAtEquals(decodeComponent(part, raw));
    }
    return [decodeComponent(part.slice(0, eq), raw).trim(), decodeComponent(part.slice(eq + 1), raw).trim()];
  });
}

/**
 * Turns Backstage's legacy `filter` query parameters, raw as they appear in
 * the URL, into a predicate: repeated parameters are OR-ed, comma-separated
 * conditions inside one are AND-ed, a bare key means "exists" and a key given
 * twice means "any of".
 *
 * @example
 * parseFilterParams(['kind%3Dcomponent%2Cspec.type%3Dservice', 'kind=api,metadata.tags=a%2Cb'])
 */
export function parseFilterParams(filters: string[]): EntityPredicate | undefined {
  const alternatives: EntityPredicate[] = [];
  for (const filter of filters) {
    const byKey = new Map<string, string[] | 'exists'>();
    for (const [key, value] of splitConditions(filter)) {
      if (key === '' && value === undefined) {
        continue;
      }
      if (!key) {
        throw new InputError(`Invalid filter '${filter}': a condition has no key`);
      }
      const known = byKey.get(key);
      if (value === undefined) {
        if (known === undefined) {
          byKey.set(key, 'exists');
        }
        continue;
      }
      byKey.set(key, Array.isArray(known) ? [...known, value] : [value]);
    }
    const conditions = [...byKey].map(([key, values]) =>
      withArrayItemForm(
        key,
        values === 'exists'
          ? { $exists: true }
          : values.length === 1
            ? (values[0] as string)
            : { $in: values },
      ),
    );
    if (conditions.length > 0) {
      alternatives.push(conditions.length === 1 ? (conditions[0] as EntityPredicate) : { $all: conditions });
    }
  }
  if (alternatives.length === 0) {
    return undefined;
  }
  return alternatives.length === 1 ? alternatives[0] : { $any: alternatives };
}
