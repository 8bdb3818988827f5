/** A JSON value that may be a `{ $ref: '#/…' }` pointer into its document. */
type Json = unknown;

const isObject = (value: Json): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `$ref` of a reference object, if `value` is one. */
export function refOf(value: Json): string | undefined {
  return isObject(value) && typeof value.$ref === 'string' ? value.$ref : undefined;
}

/**
 * Follows local `$ref`s (`#/components/schemas/Payment`) until it reaches a
 * value that is not a reference. References to other files, or that point
 * nowhere or in a loop, come back as they are, for the caller to show as a name.
 *
 * @example
 * resolveRef(doc, { $ref: '#/components/schemas/Payment' }) // the Payment schema
 */
export function resolveRef(doc: Json, value: Json): Json {
  const seen = new Set<string>();
  let current = value;
  for (let ref = refOf(current); ref !== undefined; ref = refOf(current)) {
    if (!ref.startsWith('#/') || seen.has(ref)) {
      return current;
    }
    seen.add(ref);
    let target: Json = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target =
        isObject(target) || Array.isArray(target) ? (target as Record<string, unknown>)[key] : undefined;
    }
    if (target === undefined) {
      return current;
    }
    current = target;
  }
  return current;
}
