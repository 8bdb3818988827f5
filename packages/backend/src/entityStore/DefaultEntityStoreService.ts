import {
  type CompoundEntityRef,
  type EntityChangedPayload,
  type EntityFacets,
  type EntityFormat,
  type EntityMutation,
  type EntityMutationResult,
  type EntityOf,
  type EntityOrder,
  type EntityPage,
  type EntityPredicate,
  type EntityQueryRequest,
  type EntityReadRestriction,
  type EntityStoreService,
  InputError,
} from '@atrium/plugin-api';
import { compareCodePoints } from './compareCodePoints';
import { decodeEntityCursor, type EntityCursor, encodeEntityCursor } from './EntityCursor';
import type { EntityFilter, EntityStorage, StoredEntity } from './EntityStorage';
import { type EntityPageOrder, fetchEntityPage } from './fetchEntityPage';
import { type PredicateNode, parseEntityPredicate } from './parseEntityPredicate';
import { projectEntity } from './projectEntity';
import { spliceRelations } from './spliceRelations';
import { toCanonicalEntityRef } from './toCanonicalEntityRef';
import { toFullTextWords } from './toFullTextWords';

/** Page size when the request names none. */
const defaultLimit = 100;

/** Largest page size a request may ask for. */
const maxLimit = 1000;

function checkLimit(limit: number | undefined): number {
  if (limit === undefined) {
    return defaultLimit;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) {
    throw new InputError(`limit must be an integer from 1 to ${maxLimit}, got ${limit}`);
  }
  return limit;
}

/** Most fields a query may order by or look a full-text term up in: each one joins its values in. */
const maxFields = 10;

function checkOrderBy(orderBy: EntityOrder[] | undefined): EntityOrder[] | undefined {
  if (orderBy === undefined || orderBy.length === 0) {
    return undefined;
  }
  if (!Array.isArray(orderBy) || orderBy.length > maxFields) {
    throw new InputError(`orderBy takes a list of 1 to ${maxFields} fields`);
  }
  return orderBy.map((order) => {
    if (
      typeof order?.field !== 'string' ||
      order.field === '' ||
      (order.order !== 'asc' && order.order !== 'desc')
    ) {
      throw new InputError("Each orderBy item needs a field and an order of 'asc' or 'desc'");
    }
    return { field: order.field, order: order.order };
  });
}

/** The lowercase paths of a field-limited full-text term; undefined for a ranked one. */
function checkFullTextFields(fields: string[] | undefined): string[] | undefined {
  if (fields === undefined || (Array.isArray(fields) && fields.length === 0)) {
    return undefined;
  }
  if (
    !Array.isArray(fields) ||
    fields.length > maxFields ||
    !fields.every((field) => typeof field === 'string' && field.trim() !== '')
  ) {
    throw new InputError(`fullText.fields takes a list of 1 to ${maxFields} dot paths`);
  }
  return [...new Set(fields.map((field) => field.trim().toLowerCase()))];
}

/** How a page is ordered, from the request's order and whether its full-text term is ranked. */
function toPageOrder(orderBy: EntityOrder[] | undefined, ranked: boolean): EntityPageOrder {
  const orders = (orderBy ?? []).map((order) => ({
    key: order.field.toLowerCase(),
    descending: order.order === 'desc',
  }));
  const [single] = orders;
  if (single && orders.length === 1) {
    return { by: 'field', ...single };
  }
  if (orders.length > 1) {
    return { by: 'fields', orders };
  }
  return ranked ? { by: 'rank' } : { by: 'ref' };
}

/** Parses the caller's query and read restriction; an entity must match both. */
function parseConditions(
  query: EntityPredicate | undefined,
  restrict: EntityPredicate | undefined,
): { condition?: PredicateNode; restrict?: PredicateNode } {
  const parsedQuery = query ? parseEntityPredicate(query) : undefined;
  const parsedRestrict = restrict ? parseEntityPredicate(restrict) : undefined;
  if (parsedQuery && parsedRestrict) {
    return { condition: { type: 'all', children: [parsedQuery, parsedRestrict] }, restrict: parsedRestrict };
  }
  const condition = parsedQuery ?? parsedRestrict;
  return {
    ...(condition ? { condition } : {}),
    ...(parsedRestrict ? { restrict: parsedRestrict } : {}),
  };
}

function decodeProvidedCursor(cursor: string): { source: string; id: number } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof parsed?.source === 'string' && Number.isSafeInteger(parsed?.id)) {
      return { source: parsed.source, id: parsed.id };
    }
  } catch (error) {
    throw new InputError('Malformed cursor', { cause: error });
  }
  throw new InputError('Malformed cursor');
}

/**
 * The entity store as one plugin sees it: validates requests, writes as that
 * plugin, and renders stored JSON text into the requested format.
 */
export class DefaultEntityStoreService implements EntityStoreService {
  readonly #pluginId: string;
  readonly #storage: EntityStorage;
  readonly #publish: (payloads: EntityChangedPayload[]) => Promise<void>;

  constructor(options: {
    pluginId: string;
    storage: EntityStorage;
    publish: (payloads: EntityChangedPayload[]) => Promise<void>;
  }) {
    this.#pluginId = options.pluginId;
    this.#storage = options.storage;
    this.#publish = options.publish;
  }

  async applyMutation(mutation: EntityMutation): Promise<EntityMutationResult> {
    const upserts = mutation.upserts ?? [];
    if (!Array.isArray(upserts)) {
      throw new InputError('upserts must be an array');
    }
    if (mutation.deletes !== undefined && !Array.isArray(mutation.deletes)) {
      throw new InputError('deletes must be an array');
    }
    const deletes = (mutation.deletes ?? []).map(toCanonicalEntityRef);
    if (upserts.length === 0 && deletes.length === 0) {
      return { changed: [], unchanged: [], deleted: [] };
    }
    // The storage checks each upsert as it writes it: on SQLite, upserts are prepared in a worker thread.
    const { result, payloads } = await this.#storage.applyMutation(this.#pluginId, upserts, deletes);
    // Only after the commit: subscribers must find what the event announces.
    if (payloads.length > 0) {
      await this.#publish(payloads);
    }
    return result;
  }

  async getByRef<F extends EntityFormat = 'object'>(
    ref: string | CompoundEntityRef,
    options: { fields?: string[]; format?: F } & EntityReadRestriction = {},
  ): Promise<EntityOf<F> | undefined> {
    const { condition, restrict } = parseConditions(undefined, options.restrict);
    const [entity] = await this.#storage.getByRefs([toCanonicalEntityRef(ref)], condition);
    if (!entity) {
      return undefined;
    }
    const [item] = await this.#render<F>([entity], options.fields, options.format, restrict);
    return item;
  }

  async getByRefs<F extends EntityFormat = 'object'>(
    refs: string[],
    options: { fields?: string[]; query?: EntityPredicate; format?: F } & EntityReadRestriction = {},
  ): Promise<Array<EntityOf<F> | null>> {
    const canonical = refs.map(toCanonicalEntityRef);
    const { condition, restrict } = parseConditions(options.query, options.restrict);
    const found = await this.#storage.getByRefs([...new Set(canonical)], condition);
    const rendered = await this.#render<F>(found, options.fields, options.format, restrict);
    const byRef = new Map(found.map((entity, i) => [entity.ref, rendered[i]]));
    return canonical.map((ref) => byRef.get(ref) ?? null);
  }

  async getByUid<F extends EntityFormat = 'object'>(
    uid: string,
    options: { fields?: string[]; format?: F } & EntityReadRestriction = {},
  ): Promise<EntityOf<F> | undefined> {
    const { condition, restrict } = parseConditions(undefined, options.restrict);
    const entity = await this.#storage.getByUid(uid, condition);
    if (!entity) {
      return undefined;
    }
    const [item] = await this.#render<F>([entity], options.fields, options.format, restrict);
    return item;
  }

  async query<F extends EntityFormat = 'object'>(
    request: EntityQueryRequest<F>,
  ): Promise<EntityPage<EntityOf<F>>> {
    const limit = checkLimit(request.limit);
    const cursor: EntityCursor | undefined = request.cursor ? decodeEntityCursor(request.cursor) : undefined;
    const criteria = cursor ?? {
      query: request.query,
      fullText: request.fullText?.term,
      fullTextFields: checkFullTextFields(request.fullText?.fields),
      orderBy: checkOrderBy(request.orderBy),
      totalItems: request.totalItems ?? true,
    };
    if (criteria.fullText !== undefined && typeof criteria.fullText !== 'string') {
      throw new InputError('fullText.term must be a string');
    }
    const fields = criteria.fullTextFields;
    const words = criteria.fullText === undefined || fields ? [] : toFullTextWords(criteria.fullText);
    // Backstage looks the whole term up as part of a value, in the fields named.
    const text = fields ? (criteria.fullText?.trim().toLowerCase() ?? '') : '';
    // The restriction comes with every request and never from the cursor, which the caller holds.
    const { condition, restrict } = parseConditions(criteria.query, request.restrict);
    const filter: EntityFilter = {};
    if (condition) {
      filter.condition = condition;
    }
    if (words.length > 0) {
      filter.words = words;
    }
    if (fields && text !== '') {
      filter.contains = { text, keys: fields };
    }
    const order = toPageOrder(criteria.orderBy, words.length > 0);
    if (
      cursor &&
      (cursor.key.by !== order.by ||
        (cursor.key.by === 'fields' &&
          order.by === 'fields' &&
          cursor.key.values.length !== order.orders.length))
    ) {
      throw new InputError('Malformed cursor');
    }
    const backwards = cursor?.direction === 'prev';

    const [fetched, totalItems] = await Promise.all([
      fetchEntityPage(this.#storage, filter, order, backwards, cursor?.key, limit + 1),
      criteria.totalItems ? this.#storage.count(filter) : Promise.resolve(undefined),
    ]);
    const more = fetched.length > limit;
    const page = fetched.slice(0, limit);
    if (backwards) {
      page.reverse();
    }
    const first = page[0];
    const last = page[page.length - 1];
    const encode = (direction: 'next' | 'prev', item: (typeof page)[number]) => {
      const next: EntityCursor = { totalItems: criteria.totalItems, direction, key: item.key };
      if (criteria.query) {
        next.query = criteria.query;
      }
      if (criteria.fullText !== undefined) {
        next.fullText = criteria.fullText;
      }
      if (criteria.fullTextFields) {
        next.fullTextFields = criteria.fullTextFields;
      }
      if (criteria.orderBy) {
        next.orderBy = criteria.orderBy;
      }
      return encodeEntityCursor(next);
    };
    const pageInfo: EntityPage<unknown>['pageInfo'] = {};
    if (last && (backwards ? cursor !== undefined : more)) {
      pageInfo.nextCursor = encode('next', last);
    }
    if (first && (backwards ? more : cursor !== undefined)) {
      pageInfo.prevCursor = encode('prev', first);
    }
    const items = await this.#render<F>(page, request.fields, request.format, restrict);
    return totalItems === undefined ? { items, pageInfo } : { items, totalItems, pageInfo };
  }

  async facets(
    request: { facets: string[]; query?: EntityPredicate } & EntityReadRestriction,
  ): Promise<EntityFacets> {
    if (!Array.isArray(request.facets) || !request.facets.every((f) => typeof f === 'string' && f !== '')) {
      throw new InputError('facets must be a list of dot paths');
    }
    const { condition, restrict } = parseConditions(request.query, request.restrict);
    const counts = await this.#storage.facets([...new Set(request.facets)], condition, restrict);
    const facets: EntityFacets = {};
    for (const path of request.facets) {
      facets[path] = [...(counts.get(path) ?? new Map<string, number>())]
        .sort(([a], [b]) => compareCodePoints(a, b))
        .map(([value, count]) => ({ value, count }));
    }
    return facets;
  }

  async listProvided(options: { source?: string; cursor?: string; limit?: number } = {}): Promise<{
    items: Array<{ entityRef: string; source: string | null }>;
    nextCursor?: string;
  }> {
    const limit = checkLimit(options.limit);
    const after = options.cursor === undefined ? undefined : decodeProvidedCursor(options.cursor);
    const rows = await this.#storage.listProvided(this.#pluginId, options.source, after, limit + 1);
    const page = rows.slice(0, limit);
    const items = page.map((row) => ({ entityRef: row.ref, source: row.source === '' ? null : row.source }));
    const last = page[page.length - 1];
    if (rows.length > limit && last) {
      const nextCursor = Buffer.from(JSON.stringify({ source: last.source, id: last.id })).toString(
        'base64url',
      );
      return { items, nextCursor };
    }
    return { items };
  }

  /**
   * Splices relations in (without those to entities `restrict` hides) and
   * applies `fields` and `format`; parses only when it must.
   */
  async #render<F extends EntityFormat>(
    entities: StoredEntity[],
    fields: string[] | undefined,
    format: F | undefined,
    restrict: PredicateNode | undefined,
  ): Promise<Array<EntityOf<F>>> {
    const wantsRelations =
      fields === undefined ||
      fields.some((field) => {
        const lower = field.toLowerCase();
        return lower === 'relations' || lower.startsWith('relations.');
      });
    const relations = wantsRelations ? await this.#storage.relationsOf(entities, restrict) : undefined;
    return entities.map((entity) => {
      const text = relations ? spliceRelations(entity.text, relations.get(entity.id) ?? []) : entity.text;
      if (fields === undefined) {
        return (format === 'json' ? text : JSON.parse(text)) as EntityOf<F>;
      }
      const projected = projectEntity(JSON.parse(text), fields);
      return (format === 'json' ? JSON.stringify(projected) : projected) as EntityOf<F>;
    });
  }
}
