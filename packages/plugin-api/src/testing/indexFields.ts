/** One searchable value: lowercased for matching, and as written for facets. */
export interface IndexedValue {
  value: string;
  original: string;
}

/** Searchable values by lowercased dot path, the shape of the core store's search rows. */
export type FieldIndex = Map<string, IndexedValue[]>;

/**
 * Flattens a JSON value into searchable values per dot path. Arrays repeat
 * their path for every element, and each string element `x` of an array at
 * `p` also yields `p.x = 'true'`. A `null` leaf makes its path exist with no value.
 *
 * @example
 * indexFields({ metadata: { tags: ['Java'] } });
 * // Map { 'metadata.tags' => [{ value: 'java', original: 'Java' }], 'metadata.tags.java' => [{ value: 'true', original: 'true' }] }
 */
export function indexFields(value: unknown, options: { skip?: ReadonlySet<string> } = {}): FieldIndex {
  const index: FieldIndex = new Map();
  const add = (path: string, original: string | null) => {
    const key = path.toLocaleLowerCase('en-US');
    const values = index.get(key) ?? [];
    index.set(key, values);
    if (original !== null) {
      values.push({ value: original.toLocaleLowerCase('en-US'), original });
    }
  };
  const visit = (path: string, current: unknown) => {
    if (options.skip?.has(path.toLocaleLowerCase('en-US'))) {
      return;
    }
    if (current === null) {
      add(path, null);
    } else if (typeof current === 'string' || typeof current === 'number' || typeof current === 'boolean') {
      add(path, String(current));
    } else if (Array.isArray(current)) {
      for (const item of current) {
        visit(path, item);
        if (typeof item === 'string') {
          add(`${path}.${item}`, 'true');
        }
      }
    } else if (typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        visit(path === '' ? key : `${path}.${key}`, child);
      }
    }
  };
  visit('', value);
  return index;
}
