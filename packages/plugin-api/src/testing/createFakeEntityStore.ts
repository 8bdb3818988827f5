import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import type {
  EntityFacets,
  EntityFormat,
  EntityMutation,
  EntityMutationResult,
  EntityOf,
  EntityOrder,
  EntityQueryRequest,
  EntityReadRestriction,
  EntityRelationSpec,
  EntityStoreService,
  EntityUpsert,
} from '../backend/services/EntityStoreService';
import type { EventsService } from '../backend/services/EventsService';
import type { Entity, EntityRelation } from '../common/entity/Entity';
import type { EntityPredicate } from '../common/entity/EntityPredicate';
import { type CompoundEntityRef, stringifyEntityRef } from '../common/entity/entityRef';
import { getEntityRef } from '../common/entity/getEntityRef';
import { ConflictError } from '../common/errors/ConflictError';
import { InputError } from '../common/errors/InputError';
import { type EntityChangedPayload, entityChangedEvent } from '../common/events/entityChangedEvent';
import { type CompiledPredicate, compileEntityPredicate } from './compileEntityPredicate';
import { createFullTextMatcher } from './createFullTextMatcher';
import { createProjection } from './createProjection';
import { cursorCodec } from './cursorCodec';
import { type FieldIndex, indexFields } from './indexFields';
import { isJsonObject } from './isJsonObject';

/** Options of {@link createFakeEntityStore}. */
export interface FakeEntityStoreOptions {
  /** The plugin the store serves: the provider it records on writes, and the only one allowed to write. */
  pluginId: string;
  /** Entities present from the start, provided by `seed`; pass an `EntityUpsert` to seed relations or a source. */
  entities?: Array<Entity | EntityUpsert>;
  /** When given, each change is also published there as `core.entity.changed`. */
  publishTo?: EventsService;
}

/** An in-memory entity store that also keeps the change events it emitted. */
export interface FakeEntityStore extends EntityStoreService {
  /** Every `core.entity.changed` payload, in order; seeding emits none. */
  readonly events: EntityChangedPayload[];
}

/** An entity as written by its provider, before relations from other entities are added. */
interface WrittenEntity {
  ref: string;
  uid: string;
  provider: string;
  source: string | null;
  /** Without `relations`, `metadata.uid` and `metadata.etag`. */
  entity: Entity;
  /** Canonical, deduplicated and sorted. */
  relations: EntityRelationSpec[];
}

interface StoredEntity extends WrittenEntity {
  /** The entity as served, with uid, etag and relations in both directions; never handed out. */
  final: Entity;
  json: string;
  index: FieldIndex;
}

interface QueryCriteria {
  query?: EntityPredicate;
  fullText?: { term: string; fields?: string[] };
  orderBy?: EntityOrder[];
  totalItems?: boolean;
}

interface SortKey {
  values: Array<string | null>;
  rank: number;
  ref: string;
}

interface QueryCursor {
  criteria: QueryCriteria;
  after?: SortKey;
  before?: SortKey;
}

/** Paths of an entity that are not searchable, as in the core store. */
const UNINDEXED_PATHS: ReadonlySet<string> = new Set(['relations', 'status', 'metadata.etag']);

/**
 * Creates an in-memory entity store with the semantics of the core store:
 * case-insensitive refs and predicates, provider ownership (writing or
 * deleting another provider's entity is a `ConflictError` and changes
 * nothing), unchanged writes skipped, stable uids and changing etags,
 * inverse relations, cursor pagination, ordering, projection, facets, a
 * simple ranked full-text search (or a term looked up in named fields), and `restrict` on every read (entities
 * failing it are left out of results, counts, facets and relations).
 * `metadata.ref` matches the entity's canonical ref.
 *
 * @example
 * const store = createFakeEntityStore({
 *   pluginId: 'scorecards',
 *   entities: [{ apiVersion: 'backstage.io/v1alpha1', kind: 'Component', metadata: { name: 'payments' }, spec: { owner: 'team-a' } }],
 * });
 * const page = await store.query({ query: { kind: 'component' }, limit: 10 });
 * await expect(store.applyMutation({ deletes: ['component:default/payments'] })).rejects.toThrow(ConflictError);
 */
export function createFakeEntityStore(options: FakeEntityStoreOptions): FakeEntityStore {
  const { pluginId, publishTo } = options;
  const events: EntityChangedPayload[] = [];
  let records = new Map<string, StoredEntity>();

  const sortedRecords = () => [...records.values()].sort((a, b) => compareText(a.ref, b.ref));

  /** What a read with `restrict` may see: which entities, and which relation targets. */
  const createVisibility = (options: EntityReadRestriction) => {
    if (!options.restrict) {
      return { visible: (_record: StoredEntity) => true, hides: undefined };
    }
    const test: CompiledPredicate = compileEntityPredicate(options.restrict);
    const visible = (record: StoredEntity) => test({ value: record.final, index: record.index });
    // A relation is hidden when its target exists and fails `restrict`; dangling targets stay.
    const hides = (targetRef: string) => {
      const target = records.get(targetRef);
      return target !== undefined && !visible(target);
    };
    return { visible, hides };
  };

  const apply = (mutation: EntityMutation, provider: string) => {
    const upserts = (mutation.upserts ?? []).map((upsert, position) => normalizeUpsert(upsert, position));
    const deletes = (mutation.deletes ?? []).map((ref) => stringifyEntityRef(ref));
    const refs = [...upserts.map((upsert) => upsert.ref), ...deletes];
    const repeated = refs.find((ref, position) => refs.indexOf(ref) !== position);
    if (repeated !== undefined) {
      throw new InputError(`Entity '${repeated}' appears more than once in one mutation`);
    }
    const foreign = refs.filter((ref) => {
      const existing = records.get(ref);
      return existing !== undefined && existing.provider !== provider;
    });
    if (foreign.length > 0) {
      const owners = foreign.map((ref) => `'${ref}' (provided by '${records.get(ref)?.provider}')`);
      throw new ConflictError(
        `Plugin '${provider}' may not write entities another plugin provides: ${owners.join(', ')}`,
      );
    }

    // Work on a copy and swap it in at the end, so a mutation applies whole or not at all.
    const next = new Map(records);
    const result: EntityMutationResult = { changed: [], unchanged: [], deleted: [] };
    const changes: EntityChangedPayload[] = [];
    const restitch = new Set<string>();
    for (const upsert of upserts) {
      const existing = next.get(upsert.ref);
      if (
        existing &&
        isDeepStrictEqual([existing.entity, existing.relations], [upsert.entity, upsert.relations])
      ) {
        next.set(upsert.ref, { ...existing, source: upsert.source });
        result.unchanged.push(upsert.ref);
        continue;
      }
      const uid = existing?.uid ?? randomUUID();
      // Stitched again below, once the relations of the whole batch are known.
      next.set(upsert.ref, stitch({ ...upsert, uid, provider }, new Map()));
      result.changed.push(upsert.ref);
      changes.push({ change: 'upserted', entityRef: upsert.ref, uid, provider });
      for (const relation of [...(existing?.relations ?? []), ...upsert.relations]) {
        restitch.add(relation.targetRef);
      }
      restitch.add(upsert.ref);
    }
    for (const ref of deletes) {
      const existing = next.get(ref);
      if (!existing) {
        continue;
      }
      next.delete(ref);
      result.deleted.push(ref);
      changes.push({ change: 'deleted', entityRef: ref, uid: existing.uid, provider: existing.provider });
      for (const relation of existing.relations) {
        restitch.add(relation.targetRef);
      }
    }
    const incoming = collectIncomingRelations(next);
    for (const ref of restitch) {
      const record = next.get(ref);
      if (record) {
        next.set(ref, stitch(record, incoming));
      }
    }
    records = next;
    return { result, changes };
  };

  apply(
    { upserts: (options.entities ?? []).map((seed) => ('entity' in seed ? seed : { entity: seed })) },
    'seed',
  );

  const match = (criteria: QueryCriteria, visible: (record: StoredEntity) => boolean) => {
    const test = compileEntityPredicate(criteria.query ?? {});
    const fields = validateFullTextFields(criteria.fullText?.fields);
    const rank = criteria.fullText && !fields ? createFullTextMatcher(criteria.fullText.term) : () => 0;
    const contains = createFieldsMatcher(criteria.fullText?.term ?? '', fields ?? []);
    const orderBy = validateOrderBy(criteria.orderBy);
    const compare = createKeyComparator(orderBy, criteria.fullText !== undefined && !fields);
    const matches: Array<{ record: StoredEntity; key: SortKey }> = [];
    for (const record of records.values()) {
      const score = contains(record.index) ? rank(record.final) : undefined;
      if (score !== undefined && test({ value: record.final, index: record.index }) && visible(record)) {
        const values = orderBy.map(
          (order) => record.index.get(order.field.toLocaleLowerCase('en-US'))?.[0]?.value ?? null,
        );
        matches.push({ record, key: { values, rank: score, ref: record.ref } });
      }
    }
    matches.sort((a, b) => compare(a.key, b.key));
    return { matches, compare };
  };

  return {
    events,

    async applyMutation(mutation) {
      const { result, changes } = apply(mutation, pluginId);
      events.push(...changes);
      for (const change of changes) {
        await publishTo?.publish(entityChangedEvent, change);
      }
      return result;
    },

    async getByRef<F extends EntityFormat = 'object'>(
      ref: string | CompoundEntityRef,
      readOptions: { fields?: string[]; format?: F } & EntityReadRestriction = {},
    ) {
      const { visible, hides } = createVisibility(readOptions);
      const render = createRenderer<F>(readOptions, hides);
      const record = records.get(stringifyEntityRef(ref));
      return record && visible(record) ? render(record) : undefined;
    },

    async getByRefs<F extends EntityFormat = 'object'>(
      refs: string[],
      readOptions: { fields?: string[]; query?: EntityPredicate; format?: F } & EntityReadRestriction = {},
    ) {
      const { visible, hides } = createVisibility(readOptions);
      const render = createRenderer<F>(readOptions, hides);
      const test = compileEntityPredicate(readOptions.query ?? {});
      return refs.map((ref) => {
        const canonical = toCanonicalRef(ref);
        const record = canonical === undefined ? undefined : records.get(canonical);
        return record && test({ value: record.final, index: record.index }) && visible(record)
          ? render(record)
          : null;
      });
    },

    async getByUid<F extends EntityFormat = 'object'>(
      uid: string,
      readOptions: { fields?: string[]; format?: F } & EntityReadRestriction = {},
    ) {
      const { visible, hides } = createVisibility(readOptions);
      const render = createRenderer<F>(readOptions, hides);
      const record = [...records.values()].find((candidate) => candidate.uid === uid);
      return record && visible(record) ? render(record) : undefined;
    },

    async query<F extends EntityFormat = 'object'>(request: EntityQueryRequest<F>) {
      const limit = validateLimit(request.limit);
      // `restrict` comes with every request and is never kept in the cursor.
      const { visible, hides } = createVisibility(request);
      const render = createRenderer<F>(request, hides);
      const cursor: QueryCursor = request.cursor
        ? decodeQueryCursor(request.cursor)
        : {
            criteria: {
              query: request.query,
              fullText: request.fullText,
              orderBy: request.orderBy,
              totalItems: request.totalItems,
            },
          };
      const { matches, compare } = match(cursor.criteria, visible);
      const { after, before } = cursor;
      let start = 0;
      let end = Math.min(limit, matches.length);
      if (after) {
        const first = matches.findIndex((candidate) => compare(candidate.key, after) > 0);
        start = first === -1 ? matches.length : first;
        end = Math.min(start + limit, matches.length);
      } else if (before) {
        const first = matches.findIndex((candidate) => compare(candidate.key, before) >= 0);
        end = first === -1 ? matches.length : first;
        start = Math.max(0, end - limit);
      }
      const page = matches.slice(start, end);
      const firstKey = page[0]?.key;
      const lastKey = page.at(-1)?.key;
      const pageInfo: { nextCursor?: string; prevCursor?: string } = {};
      if (lastKey && end < matches.length) {
        pageInfo.nextCursor = cursorCodec.encode({ criteria: cursor.criteria, after: lastKey });
      }
      if (firstKey && start > 0) {
        pageInfo.prevCursor = cursorCodec.encode({ criteria: cursor.criteria, before: firstKey });
      }
      const items = page.map(({ record }) => render(record));
      return cursor.criteria.totalItems === false
        ? { items, pageInfo }
        : { items, totalItems: matches.length, pageInfo };
    },

    async facets(request) {
      const test = compileEntityPredicate(request.query ?? {});
      const { visible, hides } = createVisibility(request);
      const matching = sortedRecords().filter(
        (record) => test({ value: record.final, index: record.index }) && visible(record),
      );
      const facets: EntityFacets = {};
      for (const facet of request.facets) {
        const key = facet.toLocaleLowerCase('en-US');
        const isRelation = key.startsWith('relations.');
        const counts = new Map<string, { value: string; count: number }>();
        for (const record of matching) {
          const seen = new Set<string>();
          for (const entry of record.index.get(key) ?? []) {
            if (seen.has(entry.value) || (isRelation && hides?.(entry.value))) {
              continue;
            }
            seen.add(entry.value);
            const counted = counts.get(entry.value) ?? { value: entry.original, count: 0 };
            counted.count += 1;
            counts.set(entry.value, counted);
          }
        }
        facets[facet] = [...counts.entries()]
          .sort(([aKey, a], [bKey, b]) => b.count - a.count || compareText(aKey, bKey))
          .map(([, counted]) => counted);
      }
      return facets;
    },

    async listProvided(listOptions = {}) {
      const limit = validateLimit(listOptions.limit);
      const afterRef = listOptions.cursor === undefined ? undefined : decodeListCursor(listOptions.cursor);
      const provided = sortedRecords().filter(
        (record) =>
          record.provider === pluginId &&
          (listOptions.source === undefined || record.source === listOptions.source) &&
          (afterRef === undefined || compareText(record.ref, afterRef) > 0),
      );
      const page = provided.slice(0, limit);
      const last = page.at(-1);
      const items = page.map((record) => ({ entityRef: record.ref, source: record.source }));
      return last && provided.length > limit
        ? { items, nextCursor: cursorCodec.encode({ afterRef: last.ref }) }
        : { items };
    },
  };
}

function normalizeUpsert(upsert: EntityUpsert, position: number): Omit<WrittenEntity, 'uid' | 'provider'> {
  const entity: unknown = upsert?.entity;
  if (
    !isJsonObject(entity) ||
    typeof entity.apiVersion !== 'string' ||
    typeof entity.kind !== 'string' ||
    !isJsonObject(entity.metadata) ||
    typeof entity.metadata.name !== 'string'
  ) {
    throw new InputError(
      `upserts[${position}] is not an entity: it needs apiVersion, kind and metadata.name`,
    );
  }
  const { relations: _relations, metadata, ...rest } = entity;
  const { uid: _uid, etag: _etag, ...ownMetadata } = metadata;
  // A JSON round trip detaches the stored copy from the caller's object and drops what JSON cannot hold.
  const written = JSON.parse(JSON.stringify({ ...rest, metadata: ownMetadata })) as Entity;
  const relations = (upsert.relations ?? []).map((relation, index) => {
    if (typeof relation?.type !== 'string' || typeof relation.inverseType !== 'string') {
      throw new InputError(`upserts[${position}].relations[${index}] needs a type and an inverseType`);
    }
    return {
      type: relation.type,
      inverseType: relation.inverseType,
      targetRef: stringifyEntityRef(relation.targetRef),
    };
  });
  return {
    ref: getEntityRef(written),
    entity: written,
    relations: dedupeRelations(relations),
    source: upsert.source ?? null,
  };
}

function dedupeRelations<T extends EntityRelation>(relations: T[]): T[] {
  const byKey = new Map(relations.map((relation) => [JSON.stringify(relation), relation]));
  return [...byKey.entries()].sort(([a], [b]) => compareText(a, b)).map(([, relation]) => relation);
}

/** Inverse relations by target ref: what each entity gets from the entities pointing at it. */
function collectIncomingRelations(records: Map<string, WrittenEntity>): Map<string, EntityRelation[]> {
  const incoming = new Map<string, EntityRelation[]>();
  for (const record of records.values()) {
    for (const relation of record.relations) {
      const list = incoming.get(relation.targetRef) ?? [];
      list.push({ type: relation.inverseType, targetRef: record.ref });
      incoming.set(relation.targetRef, list);
    }
  }
  return incoming;
}

function stitch(written: WrittenEntity, incoming: Map<string, EntityRelation[]>): StoredEntity {
  const relations = dedupeRelations([
    ...written.relations.map(({ type, targetRef }) => ({ type, targetRef })),
    ...(incoming.get(written.ref) ?? []),
  ]);
  const body = { ...written.entity, relations };
  const etag = createHash('sha1').update(JSON.stringify(body)).digest('hex');
  const final: Entity = { ...body, metadata: { ...written.entity.metadata, uid: written.uid, etag } };
  const index = indexFields(final, { skip: UNINDEXED_PATHS });
  if (!index.has('metadata.namespace')) {
    index.set('metadata.namespace', [{ value: 'default', original: 'default' }]);
  }
  index.set('metadata.ref', [{ value: written.ref, original: written.ref }]);
  for (const relation of relations) {
    const key = `relations.${relation.type.toLocaleLowerCase('en-US')}`;
    index.set(key, [...(index.get(key) ?? []), { value: relation.targetRef, original: relation.targetRef }]);
  }
  return {
    ref: written.ref,
    uid: written.uid,
    provider: written.provider,
    source: written.source,
    entity: written.entity,
    relations: written.relations,
    final,
    json: JSON.stringify(final),
    index,
  };
}

/** Renders records as `fields` and `format` ask, without the relations `hides` names. */
function createRenderer<F extends EntityFormat>(
  options: { fields?: string[]; format?: F },
  hides?: (targetRef: string) => boolean,
) {
  const project = options.fields ? createProjection(options.fields) : undefined;
  const jsonOf = (record: StoredEntity): string => {
    if (!hides || !record.final.relations?.some((relation) => hides(relation.targetRef))) {
      return record.json;
    }
    const relations = record.final.relations.filter((relation) => !hides(relation.targetRef));
    return JSON.stringify({ ...record.final, relations });
  };
  return (record: StoredEntity): EntityOf<F> => {
    const json = jsonOf(record);
    if (!project) {
      return (options.format === 'json' ? json : JSON.parse(json)) as EntityOf<F>;
    }
    const projected = project(JSON.parse(json));
    return (options.format === 'json' ? JSON.stringify(projected) : projected) as EntityOf<F>;
  };
}

/** Null values sort last in either direction; ties fall back to the entity ref. */
function createKeyComparator(orderBy: EntityOrder[], byRank: boolean) {
  return (a: SortKey, b: SortKey): number => {
    for (const [position, order] of orderBy.entries()) {
      const left = a.values[position] ?? null;
      const right = b.values[position] ?? null;
      if (left === right) {
        continue;
      }
      if (left === null || right === null) {
        return left === null ? 1 : -1;
      }
      return order.order === 'desc' ? compareText(right, left) : compareText(left, right);
    }
    if (byRank && orderBy.length === 0 && a.rank !== b.rank) {
      return b.rank - a.rank;
    }
    return compareText(a.ref, b.ref);
  };
}

/**
 * Backstage's `fullTextFilterFields`: the whole term, lowercase, is part of
 * some value at one of the fields. Matches everything without a term or fields.
 */
function createFieldsMatcher(term: string, fields: string[]) {
  const text = term.trim().toLocaleLowerCase('en-US');
  const keys = fields.map((field) => field.trim().toLocaleLowerCase('en-US'));
  if (text === '' || keys.length === 0) {
    return () => true;
  }
  return (index: FieldIndex) =>
    keys.some((key) => index.get(key)?.some((entry) => entry.value.includes(text)) ?? false);
}

function validateFullTextFields(fields: string[] | undefined): string[] | undefined {
  if (fields === undefined || (Array.isArray(fields) && fields.length === 0)) {
    return undefined;
  }
  if (!Array.isArray(fields) || !fields.every((field) => typeof field === 'string' && field.trim() !== '')) {
    throw new InputError(`Invalid fullText.fields ${JSON.stringify(fields)}: expected a list of dot paths`);
  }
  return fields;
}

function validateOrderBy(orderBy: EntityOrder[] | undefined): EntityOrder[] {
  for (const order of orderBy ?? []) {
    if (typeof order?.field !== 'string' || order.field === '' || !['asc', 'desc'].includes(order.order)) {
      throw new InputError(
        `Invalid orderBy ${JSON.stringify(order)}: expected { field, order: 'asc' | 'desc' }`,
      );
    }
  }
  return orderBy ?? [];
}

function validateLimit(limit: number | undefined): number {
  if (limit === undefined) {
    return 100;
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new InputError(`Invalid limit ${limit}: expected an integer from 1 to 1000`);
  }
  return limit;
}

function decodeQueryCursor(cursor: string): QueryCursor {
  const state = cursorCodec.decode(cursor);
  if (
    !isJsonObject(state) ||
    !isJsonObject(state.criteria) ||
    !(isSortKey(state.after) || isSortKey(state.before))
  ) {
    throw new InputError(`Malformed cursor '${cursor}'`);
  }
  return state as unknown as QueryCursor;
}

function isSortKey(value: unknown): value is SortKey {
  return (
    isJsonObject(value) &&
    Array.isArray(value.values) &&
    value.values.every((item) => item === null || typeof item === 'string') &&
    typeof value.rank === 'number' &&
    typeof value.ref === 'string'
  );
}

function decodeListCursor(cursor: string): string {
  const state = cursorCodec.decode(cursor);
  if (!isJsonObject(state) || typeof state.afterRef !== 'string') {
    throw new InputError(`Malformed cursor '${cursor}'`);
  }
  return state.afterRef;
}

/** The canonical form of a ref; `undefined` for a malformed one, which by-refs reads answer with `null`. */
function toCanonicalRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(ref);
  } catch {
    return undefined;
  }
}

function compareText(a: string, b: string): number {
  if (a === b) {
    return 0;
  }
  return a < b ? -1 : 1;
}
