import { buildSearchRows, type SearchRow } from './buildSearchRows';

/** One object element of an array, indexed on its own so `$contains` can test its fields together. */
export interface ElementDocument {
  /** Lowercase dot path of the array. */
  path: string;
  /** The element's search rows, keyed relative to the element. */
  rows: SearchRow[];
}

/** Entities with more object elements than this have the rest left out of `$contains` matching. */
export const MAX_ELEMENT_DOCUMENTS = 0x10000;

/** Finds every object element of every array in `root` (arrays inside elements included). */
export function buildElementDocuments(root: unknown, skip: ReadonlySet<string>): ElementDocument[] {
  const documents: ElementDocument[] = [];

  const visit = (path: string, value: unknown, inArray: boolean) => {
    if (value === null || typeof value !== 'object' || documents.length >= MAX_ELEMENT_DOCUMENTS) {
      return;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        visit(path, item, true);
      }
      return;
    }
    if (inArray && path !== '') {
      documents.push({ path, rows: buildSearchRows(value) });
    }
    for (const key of Object.keys(value)) {
      const child = path === '' ? key.toLowerCase() : `${path}.${key.toLowerCase()}`;
      if (!skip.has(child)) {
        visit(child, (value as Record<string, unknown>)[key], false);
      }
    }
  };

  visit('', root, false);
  return documents;
}
