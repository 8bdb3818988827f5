import { type EntityOrder, type EntityPredicate, InputError } from '@atrium/plugin-api';

/** The sort key of the item a page continues from. */
export type CursorKey =
  | { by: 'ref'; ref: string }
  /** `value` null: the entity lacks the sort field (those sort last). */
  | { by: 'field'; value: string | null; id: number }
  /** Several fields: each entity's value per field (null when it lacks it), then its ref. */
  | { by: 'fields'; values: Array<string | null>; ref: string }
  | { by: 'rank'; rank: number; id: number };

/** Everything a page request needs to continue: the original criteria and where to resume. */
export interface EntityCursor {
  query?: EntityPredicate;
  fullText?: string;
  /** The paths a field-limited full-text term is looked for in. */
  fullTextFields?: string[];
  orderBy?: EntityOrder[];
  totalItems: boolean;
  /** `next` continues after `key`, `prev` returns the page before it. */
  direction: 'next' | 'prev';
  key: CursorKey;
}

/** Serialises a cursor as opaque base64url text. */
export function encodeEntityCursor(cursor: EntityCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

function malformed(cause?: unknown): InputError {
  return new InputError('Malformed cursor', cause === undefined ? undefined : { cause });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function checkKey(key: unknown): CursorKey {
  if (isRecord(key)) {
    if (key.by === 'ref' && typeof key.ref === 'string') {
      return { by: 'ref', ref: key.ref };
    }
    if (key.by === 'field' && (key.value === null || typeof key.value === 'string') && isId(key.id)) {
      return { by: 'field', value: key.value, id: key.id };
    }
    if (
      key.by === 'fields' &&
      Array.isArray(key.values) &&
      key.values.every((value) => value === null || typeof value === 'string') &&
      typeof key.ref === 'string'
    ) {
      return { by: 'fields', values: key.values as Array<string | null>, ref: key.ref };
    }
    if (key.by === 'rank' && typeof key.rank === 'number' && Number.isFinite(key.rank) && isId(key.id)) {
      return { by: 'rank', rank: key.rank, id: key.id };
    }
  }
  throw malformed();
}

function checkOrder(order: unknown): EntityOrder {
  if (
    isRecord(order) &&
    typeof order.field === 'string' &&
    (order.order === 'asc' || order.order === 'desc')
  ) {
    return { field: order.field, order: order.order };
  }
  throw malformed();
}

function checkOrders(orders: unknown): EntityOrder[] | undefined {
  if (orders === undefined) {
    return undefined;
  }
  // Cursors made before ordering took several fields held a single order.
  return Array.isArray(orders) ? orders.map(checkOrder) : [checkOrder(orders)];
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** Reads a cursor made by {@link encodeEntityCursor}; anything else is an `InputError` "Malformed cursor". */
export function decodeEntityCursor(text: string): EntityCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch (error) {
    throw malformed(error);
  }
  if (
    !isRecord(parsed) ||
    (parsed.query !== undefined && !isRecord(parsed.query)) ||
    (parsed.fullText !== undefined && typeof parsed.fullText !== 'string') ||
    (parsed.fullTextFields !== undefined && !isStringList(parsed.fullTextFields)) ||
    typeof parsed.totalItems !== 'boolean' ||
    (parsed.direction !== 'next' && parsed.direction !== 'prev')
  ) {
    throw malformed();
  }
  const cursor: EntityCursor = {
    totalItems: parsed.totalItems,
    direction: parsed.direction,
    key: checkKey(parsed.key),
  };
  const orderBy = checkOrders(parsed.orderBy);
  if (parsed.query !== undefined) {
    cursor.query = parsed.query as EntityPredicate;
  }
  if (parsed.fullText !== undefined) {
    cursor.fullText = parsed.fullText;
  }
  if (isStringList(parsed.fullTextFields)) {
    cursor.fullTextFields = parsed.fullTextFields;
  }
  if (orderBy) {
    cursor.orderBy = orderBy;
  }
  return cursor;
}
