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

function toRows(keys: string[], raws: Array<string | null>): SearchRow[] {
  // Leaves in visiting order, grouped by key; most keys have a single value.
  const groups = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const group = groups.get(key);
    if (group) {
      group.push(i);
    } else {
      groups.set(key, [i]);
    }
  }
  const rows: SearchRow[] = [];
  for (const [key, group] of groups) {
    if (!isIndexableKey(key)) {
      continue;
    }
    const values: string[] = [];
    const originals: string[] = [];
    for (const i of group) {
      const raw = raws[i] ?? null;
      const lower = raw?.toLowerCase() ?? null;
      if (lower !== null && lower.length <= maxValueLength && !values.includes(lower)) {
        values.push(lower);
        originals.push(raw as string);
      }
    }
    if (values.length === 0) {
      rows.push({ key, value: null, original: null, primary: false });
      continue;
    }
    const order = values.map((_, i) => i);
    if (values.length > 1) {
      order.sort((a, b) => compareCodePoints(values[a] as string, values[b] as string));
    }
    for (let position = 0; position < order.length; position++) {
      const index = order[position] as number;
      const value = values[index] as string;
      const original = originals[index] as string;
      rows.push({ key, value, original: original === value ? null : original, primary: position === 0 });
    }
  }
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
  const keys: string[] = [];
  const raws: Array<string | null> = [];

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
        keys.push(path);
        raws.push(value === null ? null : String(value));
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
    keys.push(key);
    raws.push(value);
  }
  return toRows(keys, raws);
}
