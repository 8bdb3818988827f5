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

/** Keys longer than this are not indexed at all. */
export const MAX_SEARCH_KEY_LENGTH = 200;

/** Values longer than this are indexed as present but without a value, as in Backstage. */
export const MAX_SEARCH_VALUE_LENGTH = 200;

const noPaths: ReadonlySet<string> = new Set();

// Control characters cannot be typed into a query and would blur the SQLite term encoding.
function hasControlCharacter(key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    if (key.charCodeAt(i) < 0x20) {
      return true;
    }
  }
  return false;
}

/**
 * Flattens a JSON value into search rows: one row per distinct
 * (key, lowercase value), arrays flattened onto their own path, the first
 * original spelling kept. `skip` names lowercase paths left out;
 * `extra` adds rows for values that are not in `root`.
 */
export function buildSearchRows(
  root: unknown,
  skip: ReadonlySet<string> = noPaths,
  extra: ReadonlyArray<readonly [string, string]> = [],
): SearchRow[] {
  const byKey = new Map<string, Map<string | null, string>>();

  const record = (key: string, raw: string | null) => {
    if (key.length > MAX_SEARCH_KEY_LENGTH || hasControlCharacter(key)) {
      return;
    }
    let values = byKey.get(key);
    if (!values) {
      values = new Map();
      byKey.set(key, values);
    }
    const lower = raw?.toLowerCase() ?? null;
    const indexed = lower !== null && lower.length <= MAX_SEARCH_VALUE_LENGTH ? lower : null;
    if (!values.has(indexed)) {
      values.set(indexed, raw ?? '');
    }
  };

  const visit = (path: string, value: unknown) => {
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
        record(path, value === null ? null : String(value));
      }
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        visit(path, item);
      }
      return;
    }
    if (typeof value === 'object') {
      for (const key of Object.keys(value)) {
        const child = path === '' ? key.toLowerCase() : `${path}.${key.toLowerCase()}`;
        if (!skip.has(child)) {
          visit(child, (value as Record<string, unknown>)[key]);
        }
      }
    }
  };

  visit('', root);
  for (const [key, value] of extra) {
    record(key, value);
  }

  const rows: SearchRow[] = [];
  for (const [key, values] of byKey) {
    const indexed: string[] = [];
    for (const value of values.keys()) {
      if (value !== null) {
        indexed.push(value);
      }
    }
    if (indexed.length === 0) {
      rows.push({ key, value: null, original: null, primary: false });
      continue;
    }
    if (indexed.length > 1) {
      indexed.sort(compareCodePoints);
    }
    indexed.forEach((value, i) => {
      const original = values.get(value);
      rows.push({ key, value, original: original === value ? null : (original ?? null), primary: i === 0 });
    });
  }
  return rows;
}
