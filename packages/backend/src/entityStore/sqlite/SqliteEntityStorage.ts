import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityChangedPayload, EntityRelation, EntityUpsert } from '@atrium/plugin-api';
import type { Database, Statement } from 'better-sqlite3';
import type { Knex } from 'knex';
import { compileFieldsKeyset } from '../compileFieldsKeyset';
import type {
  EntityFilter,
  EntityStorage,
  FieldOrder,
  FieldsKey,
  MutationOutcome,
  PageItem,
  ProvidedEntity,
  ScanRequest,
  StoredEntity,
} from '../EntityStorage';
import { MutationRefs } from '../MutationRefs';
import type { PredicateNode } from '../parseEntityPredicate';
import { type EntityMutationPlan, type ExistingEntity, planEntityMutation } from '../planEntityMutation';
import { renderEntityText } from '../prepareEntityUpsert';
import { compileSqliteFilter, type SqlFragment, toMatchExpression } from './compileSqliteFilter';
import { type SqliteUpsert, toSearchTerms } from './prepareSqliteUpserts';
import { relationsBothWays, relationsBothWaysParams } from './relationsBothWays';
import { SqliteUpsertPreparer, type SqliteUpsertPreparerOptions } from './SqliteUpsertPreparer';
import {
  elementRowidFactor,
  escapeTermText,
  relationTargetTerm,
  termSeparator,
  unescapeTermText,
} from './searchTerms';
import { toFullTextMatch } from './toFullTextMatch';

interface SqliteExistingEntity extends ExistingEntity {
  elementCount: number;
}

/** The compiled upsert worker beside this file; none when running from the TypeScript sources (in tests). */
function compiledUpsertWorker(): string | undefined {
  const file = join(__dirname, 'sqliteUpsertWorker.js');
  return existsSync(file) ? file : undefined;
}

/** FTS5 queries for the full-text ranks 1 to 3 (see `EntityStorage.scanByRank`), given the query of all words. */
function fullTextTiers(all: string): string[] {
  const name = `(name : (${all}))`;
  const labels = `({title tags owner} : (${all}))`;
  return [name, `${labels} NOT ${name}`, `(${all}) NOT ${name} NOT ${labels}`];
}

const entityColumns = 'e.id AS id, e.entity_ref AS ref, e.final_entity AS text';

/** Relations written by one statement; most entities have fewer. */
const maxRelationsPerStatement = 8;

/**
 * The insert of `count` relations, by count, so that each text is prepared
 * once. Relations come deduplicated, so OR IGNORE never ignores one; it is
 * there because a plain multi-row INSERT may abort halfway and so opens a
 * statement savepoint, and FTS5 writes its pending terms to disk at every
 * savepoint: a small segment per entity, which made the bulk write 5 s slower.
 */
const insertRelationsStatements = Array.from(
  { length: maxRelationsPerStatement },
  (_, i) =>
    'INSERT OR IGNORE INTO relations (originator_id, source_ref, type, inverse_type, target_ref) VALUES ' +
    Array.from({ length: i + 1 }, () => '(?, ?, ?, ?, ?)').join(', '),
);

function insertRelationsSql(count: number): string {
  return insertRelationsStatements[count - 1] as string;
}

const maxCachedStatements = 500;

/**
 * The entity store on SQLite (better-sqlite3). It runs on the raw connection
 * of the knex pool, with statements prepared once per connection: the pool
 * holds exactly one connection, and better-sqlite3 is synchronous anyway.
 * Search keys live in FTS5 (see `searchTerms`), relations in a table
 * clustered by the entity that made them.
 */
export class SqliteEntityStorage implements EntityStorage {
  readonly #knex: Knex;
  readonly #statements = new WeakMap<Database, Map<string, Statement>>();
  readonly #preparer: SqliteUpsertPreparer;

  /** `upserts` overrides how upserts are prepared; by default, in the compiled worker beside this file. */
  constructor(knex: Knex, upserts: SqliteUpsertPreparerOptions = { workerFile: compiledUpsertWorker() }) {
    this.#knex = knex;
    this.#preparer = new SqliteUpsertPreparer(upserts);
  }

  async close(): Promise<void> {
    await this.#preparer.close();
  }

  async #use<T>(work: (db: Database) => T | Promise<T>): Promise<T> {
    const db: Database = await this.#knex.client.acquireConnection();
    try {
      return await work(db);
    } finally {
      await this.#knex.client.releaseConnection(db);
    }
  }

  #statement(db: Database, sql: string): Statement {
    let statements = this.#statements.get(db);
    if (!statements) {
      statements = new Map();
      this.#statements.set(db, statements);
    }
    let statement = statements.get(sql);
    if (!statement) {
      // Each predicate shape is its own SQL text; a bound keeps odd queries from piling up.
      if (statements.size >= maxCachedStatements) {
        statements.clear();
      }
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  }

  #all<T>(db: Database, sql: string, params: unknown[]): T[] {
    return this.#statement(db, sql).all(...params) as T[];
  }

  #run(db: Database, sql: string, ...params: unknown[]): number {
    return Number(this.#statement(db, sql).run(...params).lastInsertRowid);
  }

  async applyMutation(
    provider: string,
    upserts: EntityUpsert[],
    deletes: string[],
  ): Promise<MutationOutcome> {
    // Preparing starts before the connection is free, and goes on while earlier chunks are written.
    const chunks = this.#preparer.prepare(upserts);
    return this.#use(async (db) => {
      this.#run(db, 'BEGIN IMMEDIATE');
      try {
        const outcome = await this.#write(db, provider, chunks, deletes);
        this.#run(db, 'COMMIT');
        return outcome;
      } catch (error) {
        if (db.inTransaction) {
          this.#run(db, 'ROLLBACK');
        }
        throw error;
      }
    });
  }

  #existing(db: Database, refs: string[]): Map<string, SqliteExistingEntity> {
    const rows =
      refs.length === 0
        ? []
        : this.#all<SqliteExistingEntity>(
            db,
            `SELECT id, entity_ref AS ref, uid, provider, source, hash, element_count AS elementCount
             FROM entities WHERE entity_ref IN (SELECT value FROM json_each(?))`,
            [JSON.stringify(refs)],
          );
    return new Map(rows.map((row) => [row.ref, row]));
  }

  /** Deletes first, then the upserts chunk by chunk as they are prepared; results in mutation order. */
  async #write(
    db: Database,
    provider: string,
    chunks: Array<Promise<SqliteUpsert[]>>,
    deletes: string[],
  ): Promise<MutationOutcome> {
    const refs = new MutationRefs();
    for (const ref of deletes) {
      refs.add(ref);
    }
    const removal = planEntityMutation(provider, [], deletes, this.#existing(db, deletes));
    for (const entity of removal.deletes) {
      this.#removeIndexes(db, entity);
      this.#run(db, 'DELETE FROM entities WHERE id = ?', entity.id);
    }
    const changed: string[] = [];
    const unchanged: string[] = [];
    const payloads: EntityChangedPayload[] = [];
    for (const chunk of chunks) {
      const upserts = await chunk;
      for (const upsert of upserts) {
        refs.add(upsert.ref);
      }
      const plan = planEntityMutation(
        provider,
        upserts,
        [],
        this.#existing(
          db,
          upserts.map((upsert) => upsert.ref),
        ),
      );
      this.#writePlan(db, provider, plan);
      changed.push(...plan.result.changed);
      unchanged.push(...plan.result.unchanged);
      payloads.push(...plan.payloads);
    }
    payloads.push(...removal.payloads);
    return { result: { changed, unchanged, deleted: removal.result.deleted }, payloads };
  }

  #writePlan(
    db: Database,
    provider: string,
    plan: EntityMutationPlan<SqliteUpsert, SqliteExistingEntity>,
  ): void {
    for (const { upsert, existing } of plan.updates) {
      this.#removeIndexes(db, existing);
      this.#run(
        db,
        'UPDATE entities SET source = ?, hash = ?, element_count = ?, final_entity = ? WHERE id = ?',
        upsert.source ?? '',
        upsert.hash,
        upsert.elements.length,
        renderEntityText(upsert.text, existing.uid),
        existing.id,
      );
      this.#writeIndexes(db, existing.id, upsert, existing.uid);
    }
    for (const { upsert, uid } of plan.inserts) {
      const id = this.#run(
        db,
        `INSERT INTO entities (entity_ref, uid, provider, source, hash, element_count, final_entity)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        upsert.ref,
        uid,
        provider,
        upsert.source ?? '',
        upsert.hash,
        upsert.elements.length,
        renderEntityText(upsert.text, uid),
      );
      this.#writeIndexes(db, id, upsert, uid);
    }
    for (const { existing, source } of plan.moves) {
      this.#run(db, 'UPDATE entities SET source = ? WHERE id = ?', source, existing.id);
    }
  }

  #removeIndexes(db: Database, entity: SqliteExistingEntity): void {
    this.#run(db, 'DELETE FROM entity_search WHERE rowid = ?', entity.id);
    this.#run(db, 'DELETE FROM entity_text WHERE rowid = ?', entity.id);
    for (let n = 0; n < entity.elementCount; n++) {
      this.#run(db, 'DELETE FROM element_search WHERE rowid = ?', entity.id * elementRowidFactor + n);
    }
    this.#run(db, 'DELETE FROM relations WHERE originator_id = ?', entity.id);
  }

  #writeIndexes(db: Database, id: number, upsert: SqliteUpsert, uid: string): void {
    const { relations } = upsert;
    // A few relations per statement, through statements prepared per row count: fewer
    // statement runs than row by row, and no JSON to parse as with json_each.
    for (let start = 0; start < relations.length; start += maxRelationsPerStatement) {
      const chunk = relations.slice(start, start + maxRelationsPerStatement);
      const params: unknown[] = [];
      for (const relation of chunk) {
        params.push(id, upsert.ref, relation.type, relation.inverseType, relation.targetRef);
      }
      this.#run(db, insertRelationsSql(chunk.length), ...params);
    }
    this.#run(db, 'INSERT INTO entity_search (rowid, terms) VALUES (?, ?)', id, toSearchTerms(upsert, uid));
    upsert.elements.forEach((terms, n) => {
      this.#run(
        db,
        'INSERT INTO element_search (rowid, terms) VALUES (?, ?)',
        id * elementRowidFactor + n,
        terms,
      );
    });
    const { document } = upsert;
    this.#run(
      db,
      'INSERT INTO entity_text (rowid, name, title, description, tags, owner) VALUES (?, ?, ?, ?, ?, ?)',
      id,
      document.name,
      document.title,
      document.description,
      document.tags,
      document.owner,
    );
  }

  async getByRefs(refs: string[], condition?: PredicateNode): Promise<StoredEntity[]> {
    const filter = compileSqliteFilter(condition ? { condition } : {});
    return this.#use((db) =>
      this.#all<StoredEntity>(
        db,
        `SELECT ${entityColumns} FROM entities e
         WHERE e.entity_ref IN (SELECT value FROM json_each(?)) AND (${filter.sql})`,
        [JSON.stringify(refs), ...filter.params],
      ),
    );
  }

  async getByUid(uid: string, condition?: PredicateNode): Promise<StoredEntity | undefined> {
    const filter = compileSqliteFilter(condition ? { condition } : {});
    return this.#use(
      (db) =>
        this.#all<StoredEntity>(
          db,
          `SELECT ${entityColumns} FROM entities e WHERE e.uid = ? AND (${filter.sql})`,
          [uid, ...filter.params],
        )[0],
    );
  }

  async relationsOf(
    entities: StoredEntity[],
    restrict?: PredicateNode,
  ): Promise<Map<number, EntityRelation[]>> {
    const relations = new Map<number, EntityRelation[]>(entities.map((entity) => [entity.id, []]));
    if (entities.length === 0) {
      return relations;
    }
    const idByRef = new Map(entities.map((entity) => [entity.ref, entity.id]));
    // A relation is hidden when its target is an entity that fails `restrict`;
    // a target that does not exist has nothing to hide.
    const hidden = (target: string): SqlFragment => {
      if (!restrict) {
        return { sql: '', params: [] };
      }
      const filter = compileSqliteFilter({ condition: restrict });
      return {
        sql: `AND NOT EXISTS (SELECT 1 FROM entities e WHERE ${target} AND NOT (${filter.sql}))`,
        params: filter.params,
      };
    };
    const ownHidden = hidden('e.entity_ref = r.target_ref');
    // The target of an inverse relation is the entity that made it.
    const inverseHidden = hidden('e.id = r.originator_id');
    return this.#use((db) => {
      const own = this.#all<{ id: number; type: string; targetRef: string }>(
        db,
        `SELECT r.originator_id AS id, r.type AS type, r.target_ref AS targetRef FROM relations r
         WHERE r.originator_id IN (SELECT value FROM json_each(?)) ${ownHidden.sql}`,
        [JSON.stringify(entities.map((entity) => entity.id)), ...ownHidden.params],
      );
      // Relations pointing here are stored with the entity that made them; its
      // document has a term per relation target, which finds them without an
      // index on targets. The unary + keeps SQLite from probing the key once per ref.
      const inverse = this.#all<{ ref: string; type: string; targetRef: string }>(
        db,
        `SELECT r.target_ref AS ref, r.inverse_type AS type, r.source_ref AS targetRef FROM relations r
         WHERE r.originator_id IN (SELECT rowid FROM entity_search WHERE entity_search MATCH ?)
           AND +r.target_ref IN (SELECT value FROM json_each(?)) ${inverseHidden.sql}`,
        [
          entities.map((entity) => `"${relationTargetTerm}${escapeTermText(entity.ref)}"`).join(' OR '),
          JSON.stringify(entities.map((entity) => entity.ref)),
          ...inverseHidden.params,
        ],
      );
      for (const { id, type, targetRef } of own) {
        relations.get(id)?.push({ type, targetRef });
      }
      for (const { ref, type, targetRef } of inverse) {
        const id = idByRef.get(ref);
        if (id !== undefined) {
          relations.get(id)?.push({ type, targetRef });
        }
      }
      return relations;
    });
  }

  async count(filter: EntityFilter): Promise<number> {
    const words = filter.words ?? [];
    const expression = filter.condition ? toMatchExpression(filter.condition) : undefined;
    return this.#use((db) => {
      let row: { count: number } | undefined;
      if (filter.contains) {
        const compiled = compileSqliteFilter(filter);
        row = this.#all<{ count: number }>(
          db,
          `SELECT count(*) AS count FROM entities e WHERE ${compiled.sql}`,
          compiled.params,
        )[0];
      } else if (!filter.condition && words.length === 0) {
        row = this.#all<{ count: number }>(db, 'SELECT count(*) AS count FROM entities', [])[0];
      } else if (!filter.condition) {
        row = this.#all<{ count: number }>(
          db,
          'SELECT count(*) AS count FROM entity_text WHERE entity_text MATCH ?',
          [toFullTextMatch(words)],
        )[0];
      } else if (expression !== undefined && words.length === 0) {
        // Counting inside FTS5 merges doclists without touching the entities table.
        row = this.#all<{ count: number }>(
          db,
          'SELECT count(*) AS count FROM entity_search WHERE entity_search MATCH ?',
          [expression],
        )[0];
      } else {
        const compiled = compileSqliteFilter(filter);
        row = this.#all<{ count: number }>(
          db,
          `SELECT count(*) AS count FROM entities e WHERE ${compiled.sql}`,
          compiled.params,
        )[0];
      }
      return row?.count ?? 0;
    });
  }

  async scanByRef(request: ScanRequest<string>): Promise<PageItem[]> {
    const filter = compileSqliteFilter(request.filter);
    const direction = request.descending ? 'DESC' : 'ASC';
    const bound = request.after === undefined ? '' : `AND e.entity_ref ${request.descending ? '<' : '>'} ?`;
    const params = request.after === undefined ? filter.params : [...filter.params, request.after];
    const rows = await this.#use((db) =>
      this.#all<StoredEntity>(
        db,
        `SELECT ${entityColumns} FROM entities e WHERE (${filter.sql}) ${bound}
         ORDER BY e.entity_ref ${direction} LIMIT ?`,
        [...params, request.limit],
      ),
    );
    return rows.map((row) => ({ ...row, key: { by: 'ref', ref: row.ref } }));
  }

  async scanByValue(key: string, request: ScanRequest<{ value: string; id: number }>): Promise<PageItem[]> {
    const filter = compileSqliteFilter(request.filter);
    const escapedKey = escapeTermText(key);
    const low = escapedKey + termSeparator.primary;
    const high = escapedKey + termSeparator.other;
    const after = request.after;
    const bound = after ? low + escapeTermText(after.value) : undefined;
    let range: string;
    let rangeParams: unknown[];
    if (bound === undefined || !after) {
      range = 'i.term >= ? AND i.term < ?';
      rangeParams = [low, high];
    } else if (request.descending) {
      range = 'i.term >= ? AND i.term <= ? AND (i.term < ? OR i.doc < ?)';
      rangeParams = [low, bound, bound, after.id];
    } else {
      range = 'i.term >= ? AND i.term < ? AND (i.term > ? OR i.doc > ?)';
      rangeParams = [bound, high, bound, after.id];
    }
    // FTS5 vocabulary rows come in term order, and within a term in rowid
    // order, so the ascending walk needs no sort and stops after `limit`
    // matches. A descending walk has to sort the key's terms.
    const order = request.descending ? 'i.term DESC, i.doc DESC' : 'i.term';
    const rows = await this.#use((db) =>
      this.#all<StoredEntity & { term: string }>(
        db,
        `SELECT ${entityColumns}, i.term AS term
         FROM entity_search_instances i CROSS JOIN entities e ON e.id = i.doc
         WHERE ${range} AND (${filter.sql}) ORDER BY ${order} LIMIT ?`,
        [...rangeParams, ...filter.params, request.limit],
      ),
    );
    return rows.map(({ term, ...row }) => ({
      ...row,
      key: { by: 'field', value: unescapeTermText(term.slice(low.length)), id: row.id },
    }));
  }

  async scanLackingValue(key: string, request: ScanRequest<number>): Promise<PageItem[]> {
    const filter = compileSqliteFilter(request.filter);
    const bound = request.after === undefined ? '' : `AND e.id ${request.descending ? '<' : '>'} ?`;
    const params = request.after === undefined ? [] : [request.after];
    const rows = await this.#use((db) =>
      this.#all<StoredEntity>(
        db,
        `SELECT ${entityColumns} FROM entities e
         WHERE (${filter.sql})
           AND e.id NOT IN (SELECT rowid FROM entity_search WHERE entity_search MATCH ?) ${bound}
         ORDER BY e.id ${request.descending ? 'DESC' : 'ASC'} LIMIT ?`,
        [...filter.params, `"${escapeTermText(key)}${termSeparator.primary}"*`, ...params, request.limit],
      ),
    );
    return rows.map((row) => ({ ...row, key: { by: 'field', value: null, id: row.id } }));
  }

  async scanByValues(orders: FieldOrder[], request: ScanRequest<FieldsKey>): Promise<PageItem[]> {
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return '?';
    };
    const { after, descending: backwards } = request;
    // Terms keep the order of the values they encode: a value's term is its key's prefix and escaped text.
    const prefixes = orders.map((order) => escapeTermText(order.key) + termSeparator.primary);
    const ranges = orders.map((order, i) => ({
      low: prefixes[i],
      high: escapeTermText(order.key) + termSeparator.other,
    }));
    const columns = prefixes.map((_, i) => `t${i}`);
    // One walk of the fields' primary terms (a union: an FTS5 vocabulary table keeps only one range
    // of an OR) makes a row per entity having any of them. Entities are looked up from it by id, as
    // SQLite would scan a joined subquery once per entity; those lacking every field are added apart.
    const walks = ranges
      .map(
        (range, i) =>
          `SELECT doc, ${i} AS field, term FROM entity_search_instances WHERE term >= ${bind(range.low)} AND term < ${bind(range.high)}`,
      )
      .join(' UNION ALL ');
    const valued = `SELECT doc AS id, ${columns
      .map((column, i) => `max(CASE WHEN field = ${i} THEN term END) AS ${column}`)
      .join(', ')} FROM (${walks}) GROUP BY doc`;
    const filter = compileSqliteFilter(request.filter);
    const having = `SELECT e.id AS id, e.entity_ref AS ref, ${columns.map((column) => `o.${column} AS ${column}`).join(', ')}
      FROM o CROSS JOIN entities e ON e.id = o.id WHERE (${filter.sql})`;
    params.push(...filter.params);
    const lacking = `SELECT e.id AS id, e.entity_ref AS ref, ${columns.map((column) => `NULL AS ${column}`).join(', ')}
      FROM entities e WHERE (${filter.sql}) AND e.id NOT IN (SELECT id FROM o)`;
    params.push(...filter.params);
    const bound = after
      ? `WHERE ${compileFieldsKeyset(
          columns.map((column) => `u.${column}`),
          orders,
          'u.ref',
          {
            values: after.values.map((value, i) =>
              value === null ? null : prefixes[i] + escapeTermText(value),
            ),
            ref: after.ref,
          },
          backwards,
          bind,
        )}`
      : '';
    const sorts = orders.flatMap((order, i) => {
      const descending = order.descending !== backwards;
      return [
        `(${columns[i]} IS NULL) ${backwards ? 'DESC' : 'ASC'}`,
        `${columns[i]} ${descending ? 'DESC' : 'ASC'}`,
      ];
    });
    const orderBy = `${sorts.join(', ')}, ref ${backwards ? 'DESC' : 'ASC'}`;
    const rows = await this.#use((db) =>
      this.#all<StoredEntity & Record<string, string | null>>(
        db,
        `WITH o AS MATERIALIZED (${valued}),
         page AS MATERIALIZED (SELECT * FROM (${having} UNION ALL ${lacking}) u ${bound} ORDER BY ${orderBy} LIMIT ${bind(request.limit)})
         SELECT page.*, e.final_entity AS text FROM page CROSS JOIN entities e ON e.id = page.id ORDER BY ${orderBy}`,
        params,
      ),
    );
    return rows.map((row) => ({
      id: row.id,
      ref: row.ref,
      text: row.text,
      key: {
        by: 'fields',
        values: prefixes.map((prefix, i) => {
          const term = row[`t${i}`];
          return typeof term === 'string' ? unescapeTermText(term.slice(prefix.length)) : null;
        }),
        ref: row.ref,
      },
    }));
  }

  async scanByRank(request: ScanRequest<{ rank: number; id: number }>): Promise<PageItem[]> {
    const condition = compileSqliteFilter(
      request.filter.condition ? { condition: request.filter.condition } : {},
    );
    const tiers = fullTextTiers(toFullTextMatch(request.filter.words ?? []));
    const { after, descending, limit } = request;
    const first = after?.rank ?? (descending ? tiers.length : 1);
    const comparison = descending ? '<' : '>';
    const direction = descending ? 'DESC' : 'ASC';
    return this.#use((db) => {
      const items: PageItem[] = [];
      // One FTS5 query per tier, each walking rowids in order, until the page is full.
      for (
        let rank = first;
        rank >= 1 && rank <= tiers.length && items.length < limit;
        rank += descending ? -1 : 1
      ) {
        const bound = after && rank === after.rank ? `AND entity_text.rowid ${comparison} ?` : '';
        const rows = this.#all<StoredEntity>(
          db,
          `SELECT ${entityColumns} FROM entity_text CROSS JOIN entities e ON e.id = entity_text.rowid
           WHERE entity_text MATCH ? ${bound} AND (${condition.sql})
           ORDER BY entity_text.rowid ${direction} LIMIT ?`,
          [tiers[rank - 1], ...(bound ? [after?.id] : []), ...condition.params, limit - items.length],
        );
        items.push(...rows.map((row) => ({ ...row, key: { by: 'rank' as const, rank, id: row.id } })));
      }
      return items;
    });
  }

  async facets(
    paths: string[],
    condition?: PredicateNode,
    restrict?: PredicateNode,
  ): Promise<Map<string, Map<string, number>>> {
    const filter = compileSqliteFilter(condition ? { condition } : {});
    const visible = compileSqliteFilter(restrict ? { condition: restrict } : {});
    const hidden = restrict
      ? `AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.entity_ref = r.target_ref AND NOT (${visible.sql}))`
      : '';
    return this.#use((db) => {
      const facets = new Map<string, Map<string, number>>();
      for (const path of paths) {
        const key = path.toLowerCase();
        if (key.startsWith('relations.')) {
          const rows = this.#all<{ value: string; count: number }>(
            db,
            `SELECT r.target_ref AS value, count(DISTINCT r.source_ref) AS count FROM (${relationsBothWays}) r
             WHERE r.source_ref IN (SELECT e.entity_ref FROM entities e WHERE ${filter.sql})
               ${hidden}
             GROUP BY r.target_ref`,
            [...relationsBothWaysParams(key), ...filter.params, ...(restrict ? visible.params : [])],
          );
          facets.set(path, new Map(rows.map((row) => [row.value, row.count])));
          continue;
        }
        const escapedKey = escapeTermText(key);
        const range = [escapedKey + termSeparator.primary, `${escapedKey}!04`];
        const rows = condition
          ? this.#all<{ term: string; count: number }>(
              db,
              `SELECT i.term AS term, count(*) AS count FROM entity_search_instances i
               WHERE i.term >= ? AND i.term < ? AND i.doc IN (SELECT e.id FROM entities e WHERE ${filter.sql})
               GROUP BY i.term`,
              [...range, ...filter.params],
            )
          : this.#all<{ term: string; count: number }>(
              db,
              'SELECT term, doc AS count FROM entity_search_terms WHERE term >= ? AND term < ?',
              range,
            );
        facets.set(path, countOriginalValues(escapedKey.length, rows));
      }
      return facets;
    });
  }

  async listProvided(
    provider: string,
    source: string | undefined,
    after: { source: string; id: number } | undefined,
    limit: number,
  ): Promise<ProvidedEntity[]> {
    const conditions = ['provider = ?'];
    const params: unknown[] = [provider];
    if (source !== undefined) {
      conditions.push('source = ?');
      params.push(source);
    }
    if (after) {
      conditions.push('(source, id) > (?, ?)');
      params.push(after.source, after.id);
    }
    return this.#use((db) =>
      this.#all<ProvidedEntity>(
        db,
        `SELECT id, entity_ref AS ref, source FROM entities WHERE ${conditions.join(' AND ')}
         ORDER BY source, id LIMIT ?`,
        [...params, limit],
      ),
    );
  }
}

/**
 * Turns term counts into counts per original spelling. Each entity has one
 * lowercase term per value and, when the spelling differs, one original term;
 * entities counted under an original spelling are taken off its lowercase form.
 */
function countOriginalValues(
  keyLength: number,
  rows: Array<{ term: string; count: number }>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { term, count } of rows) {
    const separator = term.slice(keyLength, keyLength + 3);
    const value = unescapeTermText(term.slice(keyLength + 3));
    if (separator === termSeparator.original) {
      counts.set(value, (counts.get(value) ?? 0) + count);
      const folded = value.toLowerCase();
      counts.set(folded, (counts.get(folded) ?? 0) - count);
    } else if (separator !== termSeparator.bare) {
      counts.set(value, (counts.get(value) ?? 0) + count);
    }
  }
  for (const [value, count] of counts) {
    if (count <= 0) {
      counts.delete(value);
    }
  }
  return counts;
}
