import type {
  EntityChangedPayload,
  EntityMutationResult,
  EntityRelation,
  EntityUpsert,
} from '@atrium/plugin-api';
import type { CursorKey } from './EntityCursor';
import type { PredicateNode } from './parseEntityPredicate';

/** An entity as stored: its row id, canonical ref and final JSON text (without relations). */
export interface StoredEntity {
  id: number;
  ref: string;
  text: string;
}

/** A page item with the key a cursor resumes from. */
export interface PageItem extends StoredEntity {
  key: CursorKey;
}

/** Which entities a page or count covers: a predicate and full-text words, both optional. */
export interface EntityFilter {
  condition?: PredicateNode;
  /** Words of a full-text term; the last one matches as a prefix. */
  words?: string[];
  /** Some value at one of `keys` (lowercase search keys) contains `text` (lowercase). */
  contains?: { text: string; keys: string[] };
}

/** One field of a several-field order: a lowercase search key and its direction. */
export interface FieldOrder {
  key: string;
  descending: boolean;
}

/** Where a several-field walk resumes: the values of the item (null where it lacks the field) and its ref. */
export interface FieldsKey {
  values: Array<string | null>;
  ref: string;
}

/** One segment of a keyset scan, walked `descending` or not, strictly after `after` when given. */
export interface ScanRequest<TAfter> {
  filter: EntityFilter;
  descending: boolean;
  after?: TAfter;
  limit: number;
}

/** A provided entity as listed by `listProvided`. */
export interface ProvidedEntity {
  id: number;
  ref: string;
  /** Empty when the provider gave no source. */
  source: string;
}

/** What a mutation did, and the events to publish once it is committed. */
export interface MutationOutcome {
  result: EntityMutationResult;
  payloads: EntityChangedPayload[];
}

/**
 * The database side of the entity store, one implementation per engine.
 * Every method compiles its filter to SQL; none filters rows in JavaScript.
 */
export interface EntityStorage {
  /**
   * Applies one batch in one transaction, or nothing: throws `InputError` for
   * an invalid upsert or a ref named twice, and `ConflictError` for an entity
   * of another provider. `deletes` are canonical refs.
   */
  applyMutation(provider: string, upserts: EntityUpsert[], deletes: string[]): Promise<MutationOutcome>;
  /** Stops what the storage runs besides the database (the database itself is the caller's). */
  close(): Promise<void>;
  /** The entities among `refs` (canonical) that exist and match `condition`, in any order. */
  getByRefs(refs: string[], condition?: PredicateNode): Promise<StoredEntity[]>;
  /** The entity with this uid, when it exists and matches `condition`. */
  getByUid(uid: string, condition?: PredicateNode): Promise<StoredEntity | undefined>;
  /**
   * Both directions of the relations of each entity, keyed by entity id.
   * With `restrict`, relations whose target exists and does not match it are
   * left out; targets that do not exist stay.
   */
  relationsOf(entities: StoredEntity[], restrict?: PredicateNode): Promise<Map<number, EntityRelation[]>>;
  count(filter: EntityFilter): Promise<number>;
  /** Ordered by ref. */
  scanByRef(request: ScanRequest<string>): Promise<PageItem[]>;
  /** Entities that have a value at `key`, ordered by their smallest value, then id. */
  scanByValue(key: string, request: ScanRequest<{ value: string; id: number }>): Promise<PageItem[]>;
  /** Entities without a value at `key`, ordered by id. */
  scanLackingValue(key: string, request: ScanRequest<number>): Promise<PageItem[]>;
  /**
   * Entities ordered by their smallest value at each key in turn, those
   * lacking a value after those having one whichever the direction, then by
   * ref ascending; `request.descending` walks that order backwards.
   */
  scanByValues(orders: FieldOrder[], request: ScanRequest<FieldsKey>): Promise<PageItem[]>;
  /**
   * Full-text matches ordered by rank, then id; `filter.words` is required.
   * The rank is 1 when the name holds every word, 2 when the title, tags and
   * owner together do, 3 otherwise. It depends on the entity only, so ranks
   * stay put while others are written and cursors neither skip nor repeat.
   */
  scanByRank(request: ScanRequest<{ rank: number; id: number }>): Promise<PageItem[]>;
  /**
   * Entity counts per original-case value at each path, over the entities
   * matching `condition`. For `relations.<type>` paths, targets that exist and
   * do not match `restrict` are not counted, as `relationsOf` leaves them out.
   */
  facets(
    paths: string[],
    condition?: PredicateNode,
    restrict?: PredicateNode,
  ): Promise<Map<string, Map<string, number>>>;
  /** Entities of one provider ordered by source, then id. */
  listProvided(
    provider: string,
    source: string | undefined,
    after: { source: string; id: number } | undefined,
    limit: number,
  ): Promise<ProvidedEntity[]>;
}
