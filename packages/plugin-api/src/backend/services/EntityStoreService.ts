import type { Entity } from '../../common/entity/Entity';
import type { EntityPredicate } from '../../common/entity/EntityPredicate';
import type { CompoundEntityRef } from '../../common/entity/entityRef';

/**
 * How entities come back: `object` parses them, `json` hands back the stored
 * JSON text untouched (the fast path for HTTP responses).
 */
export type EntityFormat = 'object' | 'json';

/** The item type for an {@link EntityFormat}. */
export type EntityOf<F extends EntityFormat> = F extends 'json' ? string : Entity;

/** A relation the provider derives from an entity's fields; the store also stores its inverse on the target. */
export interface EntityRelationSpec {
  /** e.g. `ownedBy` */
  type: string;
  /** e.g. `ownerOf`, stored on the target pointing back at the source. */
  inverseType: string;
  /** Canonical target ref. */
  targetRef: string;
}

/** One entity to write. */
export interface EntityUpsert {
  /** The entity without `relations`; the store sets `metadata.uid` and `metadata.etag`. */
  entity: Entity;
  /** Relations that this entity's fields make. */
  relations?: EntityRelationSpec[];
  /** Where the entity came from within the plugin, e.g. a location key. */
  source?: string;
}

/** A batch of writes applied in one transaction. */
export interface EntityMutation {
  upserts?: EntityUpsert[];
  /** Canonical refs to delete. */
  deletes?: string[];
}

/** What a mutation did. */
export interface EntityMutationResult {
  /** Refs whose stored content changed (new or different). */
  changed: string[];
  /** Refs that were written with identical content and left alone. */
  unchanged: string[];
  /** Refs that were deleted. */
  deleted: string[];
}

/** Ordering on one dot path. */
export interface EntityOrder {
  field: string;
  order: 'asc' | 'desc';
}

/**
 * Read options every lookup accepts. `restrict` is the caller's read permission
 * as a predicate (see `PermissionsService.authorizeConditional`): entities that do
 * not match it do not exist for this call — not in results, counts, facets or the
 * `relations` of the entities returned. It is applied inside the database query
 * and is never stored in a cursor; pass it again with every page.
 */
export interface EntityReadRestriction {
  restrict?: EntityPredicate;
}

/** A page request; a `cursor` from a previous page replaces every other criterion but `limit`, `fields` and `format`. */
export interface EntityQueryRequest<F extends EntityFormat = 'object'> extends EntityReadRestriction {
  query?: EntityPredicate;
  /**
   * Without `fields`: a ranked match over names, titles, descriptions, tags
   * and owners that prefix-matches the last word. With `fields` (dot paths,
   * case-insensitive): the whole term, case-insensitively, is part of some
   * value at one of those paths, as Backstage's `fullTextFilterFields`; no rank.
   */
  fullText?: { term: string; fields?: string[] };
  /**
   * Fields to order by, the first leading; entities lacking a field sort
   * after those having it, either way. Default: by rank for a ranked
   * `fullText`, else by entity ref. With two fields or more, ties are broken
   * by entity ref.
   */
  orderBy?: EntityOrder[];
  /** Dot paths to keep; the rest of each entity is dropped. */
  fields?: string[];
  /** Page size, 1–1000; default 100. */
  limit?: number;
  cursor?: string;
  /** Whether to count all matches (default true). */
  totalItems?: boolean;
  format?: F;
}

/** One page of entities. */
export interface EntityPage<T> {
  items: T[];
  /** Matches in total; absent when not requested. */
  totalItems?: number;
  pageInfo: { nextCursor?: string; prevCursor?: string };
}

/** Counts of entities per distinct value at each facet path. */
export type EntityFacets = Record<string, Array<{ value: string; count: number }>>;

/**
 * The core entity store. Any plugin may read any entity; a plugin may write
 * only entities it provides (the store records the provider of each entity
 * and refuses writes from another with `ConflictError`). Every change emits
 * `core.entity.changed`. Lookups are case-insensitive.
 */
export interface EntityStoreService {
  /** Writes a batch in one transaction. */
  applyMutation(mutation: EntityMutation): Promise<EntityMutationResult>;
  getByRef<F extends EntityFormat = 'object'>(
    ref: string | CompoundEntityRef,
    options?: { fields?: string[]; format?: F } & EntityReadRestriction,
  ): Promise<EntityOf<F> | undefined>;
  /** Results align with `refs`; `null` where missing or not matching `query`. */
  getByRefs<F extends EntityFormat = 'object'>(
    refs: string[],
    options?: { fields?: string[]; query?: EntityPredicate; format?: F } & EntityReadRestriction,
  ): Promise<Array<EntityOf<F> | null>>;
  getByUid<F extends EntityFormat = 'object'>(
    uid: string,
    options?: { fields?: string[]; format?: F } & EntityReadRestriction,
  ): Promise<EntityOf<F> | undefined>;
  query<F extends EntityFormat = 'object'>(request: EntityQueryRequest<F>): Promise<EntityPage<EntityOf<F>>>;
  facets(
    request: { facets: string[]; query?: EntityPredicate } & EntityReadRestriction,
  ): Promise<EntityFacets>;
  /** Refs of the entities this plugin provides, optionally from one source; paged by cursor. */
  listProvided(options?: { source?: string; cursor?: string; limit?: number }): Promise<{
    items: Array<{ entityRef: string; source: string | null }>;
    nextCursor?: string;
  }>;
}
