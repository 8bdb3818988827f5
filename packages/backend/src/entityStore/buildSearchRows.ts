import { compareCodePoints } from './compareCodePoints';

/** One indexed value of an entity, like a row of Backstage's `search` table. */
export interface SearchRow {
  /** Lowercase dot path; array elements share the path of their array. */
  key: string;
  /** Lowercase value; null when the value is null or too long to index. */
  value: string | null;
  /** The value as written, when it differs from `value` (facets count these). */
  original: string | null;
  /** Whether this is the key's smallest value: the one the entity sorts by. */
  primary: boolean;
}

/** One object element of an array, indexed on its own so `$contains` can test its fields together. */
export interface ElementDocument {
  /** Lowercase dot path of the array. */
  path: string;
  /** The element's search rows, keyed relative to the element. */
  rows: SearchRow[];
}

/** What to index besides the plain flattening. */
export interface SearchRowOptions {
  /** Lowercase paths left out, with everything below them. */
  skip?: ReadonlySet<string>;
  /** Rows for values that are not in the value itself. */
  extra?: ReadonlyArray<readonly [string, string]>;
  /** When given, receives a document for every object element of every array (nested ones too). */
  elements?: ElementDocument[];
}

/** Keys longer than this are not indexed at all. */
const maxKeyLength = 200;

/** Values longer than this are indexed as present but without a value, as in Backstage. */
const maxValueLength = 200;

/**
 * Entities with more object elements than this have the rest left out of
 * `$contains` matching (SQLite numbers element documents below it).
 */
export const MAX_ELEMENT_DOCUMENTS = 0x10000;

const noPaths: ReadonlySet<string> = new Set();

// Control characters cannot be typed into a query and would blur the SQLite term encoding.
function isIndexableKey(key: string): boolean {
  if (key.length > maxKeyLength) {
    return false;
  }
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) < 0x20) {
      return false;
    }
  }
  return true;
}

/**
 * The distinct lowercase values of each key, in visiting order, each followed
 * by its first original spelling; empty when the key has only null or
 * over-long values, null when the key is not indexed.
 */
type ValuesByKey = Map<string, string[] | null>;

function addValue(groups: ValuesByKey, key: string, raw: string | null): void {
  let values = groups.get(key);
  if (values === undefined) {
    values = isIndexableKey(key) ? [] : null;
    groups.set(key, values);
  }
  if (values === null || raw === null) {
    return;
  }
  const lower = raw.toLowerCase();
  if (lower.length > maxValueLength) {
    return;
  }
  for (let i = 0; i < values.length; i += 2) {
    if (values[i] === lower) {
      return;
    }
  }
  values.push(lower, raw);
}

function valueRow(key: string, value: string, original: string, primary: boolean): SearchRow {
  return { key, value, original: original === value ? null : original, primary };
}

function toRows(groups: ValuesByKey): SearchRow[] {
  const rows: SearchRow[] = [];
  groups.forEach((values, key) => {
    if (values === null) {
      return;
    }
    if (values.length === 0) {
      rows.push({ key, value: null, original: null, primary: false });
    } else if (values.length === 2) {
      // Most keys have a single value: nothing to sort.
      rows.push(valueRow(key, values[0] as string, values[1] as string, true));
    } else {
      const order = Array.from({ length: values.length / 2 }, (_, i) => i * 2);
      order.sort((a, b) => compareCodePoints(values[a] as string, values[b] as string));
      order.forEach((index, position) => {
        rows.push(valueRow(key, values[index] as string, values[index + 1] as string, position === 0));
      });
    }
  });
  return rows;
}

/**
 * Flattens a JSON value into search rows: one row per distinct
 * (key, lowercase value), arrays flattened onto their own path, the first
 * original spelling kept.
 */
export function buildSearchRows(root: unknown, options: SearchRowOptions = {}): SearchRow[] {
  const skip = options.skip ?? noPaths;
  const elements = options.elements;
  // Keys in order of their first leaf: rows come out grouped by key in that order.
  const groups: ValuesByKey = new Map();

  const visit = (path: string, value: unknown, inArray: boolean) => {
    if (value === undefined) {
      return;
    }
    if (
      value === null ||
      typeof value === 'string' ||
      typeof value === 'number' ||
      typeof value === 'boolean'
    ) {
      if (path !== '') {
        addValue(groups, path, value === null ? null : String(value));
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        visit(path, item, true);
      }
      return;
    }
    if (typeof value !== 'object') {
      return;
    }
    if (inArray && elements && path !== '' && elements.length < MAX_ELEMENT_DOCUMENTS) {
      elements.push({ path, rows: buildSearchRows(value) });
    }
    for (const key in value) {
      const child = path === '' ? key.toLowerCase() : `${path}.${key.toLowerCase()}`;
      if (!skip.has(child)) {
        visit(child, (value as Record<string, unknown>)[key], false);
      }
    }
  };

  visit('', root, false);
  for (const [key, value] of options.extra ?? []) {
    addValue(groups, key, value);
  }
  return toRows(groups);
}
