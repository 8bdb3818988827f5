import type { EntityRelation, EntityUpsert } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import type { Client } from 'pg';
import { buildFullTextDocument } from '../buildFullTextDocument';
import { buildSearchRows, type ElementDocument } from '../buildSearchRows';
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
import { entitySearchSkip } from '../entitySearchSkip';
import { MutationRefs } from '../MutationRefs';
import type { PredicateNode } from '../parseEntityPredicate';
import { type ExistingEntity, planEntityMutation } from '../planEntityMutation';
import { type PreparedUpsert, prepareEntityUpsert, renderEntityText } from '../prepareEntityUpsert';
import { compilePostgresFilter } from './compilePostgresFilter';
import { SqlParameters } from './SqlParameters';
import { toFacetCountLookup } from './toFacetCountLookup';
import { toTsQuery } from './toTsQuery';

/** First half of the advisory lock key of an entity ref, so entity locks stay apart from other locks. */
const lockClass = 0x45535452;

const entityColumns = 'e.id AS id, e.entity_ref AS ref, e.final_entity AS text';

/** The text full-text search ranks, weighted A name, B title, C tags and owner, D description. */
const documentExpression =
  "setweight(to_tsvector('simple', t.name), 'A') || setweight(to_tsvector('simple', t.title), 'B')" +
  " || setweight(to_tsvector('simple', t.tags), 'C') || setweight(to_tsvector('simple', t.owner), 'C')" +
  " || setweight(to_tsvector('simple', t.description), 'D')";

interface Row {
  [column: string]: unknown;
}

function toStored(row: Row): StoredEntity {
  return { id: Number(row.id), ref: row.ref as string, text: row.text as string };
}

/** Separates the parts of a facet delta's map key; none can hold it (PostgreSQL text has no NUL). */
const facetKeySeparator = '\u0000';

/** One row of `search_facets`: entities of `kind` having `value` at `key`, shown as `shown`. */
interface FacetRow {
  key: string;
  kind: string;
  value: string;
  shown: string;
}

function addFacetDelta(deltas: Map<string, number>, row: FacetRow, delta: number): void {
  const at = [row.key, row.kind, row.value, row.shown].join(facetKeySeparator);
  deltas.set(at, (deltas.get(at) ?? 0) + delta);
}

/**
 * Adds the deltas to the facet counts. Rows are locked in key order, so
 * writers on several replicas that change the same counts queue rather than
 * deadlock.
 */
async function applyFacetDeltas(client: Client, deltas: Map<string, number>): Promise<void> {
  const columns: string[][] = [[], [], [], []];
  const counts: number[] = [];
  for (const [at, delta] of deltas) {
    if (delta !== 0) {
      at.split(facetKeySeparator).forEach((part, i) => {
        columns[i]?.push(part);
      });
      counts.push(delta);
    }
  }
  if (counts.length === 0) {
    return;
  }
  await client.query(
    `INSERT INTO search_facets (key, kind, value, shown, count)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[]) AS d(key, kind, value, shown, count)
     ORDER BY d.key COLLATE "C", d.kind COLLATE "C", d.value COLLATE "C", d.shown COLLATE "C"
     ON CONFLICT (key, kind, value, shown) DO UPDATE SET count = search_facets.count + excluded.count`,
    [...columns, counts],
  );
}

/**
 * The full-text ranks of `EntityStorage.scanByRank` as conditions on the text
 * document `t`, given the query of every word: 1 the name (weight A) holds
 * every word, 2 title, tags and owner (B, C) do, 3 the rest. The `ts_filter`
 * expressions are the ones the tier indexes are built on.
 */
const fullTextTiers: ReadonlyArray<(term: string) => string> = [
  (term) => `ts_filter(t.document, '{a}') @@ ${term}`,
  (term) => `ts_filter(t.document, '{b,c}') @@ ${term} AND NOT ts_filter(t.document, '{a}') @@ ${term}`,
  (term) =>
    `t.document @@ ${term} AND NOT ts_filter(t.document, '{a}') @@ ${term}` +
    ` AND NOT ts_filter(t.document, '{b,c}') @@ ${term}`,
];

/** Whether a predicate needs the entity row itself (its ref), not only its id. */
function needsEntityRow(node: PredicateNode): boolean {
  switch (node.type) {
    case 'all':
    case 'any':
      return node.children.some(needsEntityRow);
    case 'not':
      return needsEntityRow(node.child);
    case 'relation':
    case 'ref':
      return true;
    default:
      return false;
  }
}

/**
 * Splits a condition into an equality on one search key and value, which a
 * count can walk the search rows of, and the rest, when the rest needs only
 * entity ids.
 */
function splitCountDriver(
  condition: PredicateNode,
): { key: string; value: string; rest: PredicateNode[] } | undefined {
  const conjuncts = condition.type === 'all' ? condition.children : [condition];
  const index = conjuncts.findIndex(
    (node) => node.type === 'value' && node.match.op === 'in' && node.match.values.length === 1,
  );
  const driver = conjuncts[index];
  if (driver?.type !== 'value' || driver.match.op !== 'in') {
    return undefined;
  }
  const rest = conjuncts.filter((_, i) => i !== index);
  if (rest.some(needsEntityRow)) {
    return undefined;
  }
  return { key: driver.key, value: driver.match.values[0] as string, rest };
}

/**
 * A condition on the relations row `t` that leaves out relations whose target
 * is an entity failing `restrict`; a target that does not exist has nothing to hide.
 */
function hiddenTargets(restrict: PredicateNode | undefined, params: SqlParameters): string {
  if (!restrict) {
    return '';
  }
  // A scalar subquery per relation row, not NOT EXISTS: PostgreSQL would turn that into an
  // anti-join over every entity, where a page of entities has a few hundred relations to look up.
  return (
    'AND NOT coalesce((SELECT NOT (' +
    compilePostgresFilter({ condition: restrict }, params) +
    ') FROM entities e WHERE e.entity_ref = t.target_ref), false)'
  );
}

/**
 * The entity store on PostgreSQL. It runs on raw connections of the knex
 * pool (which sets the search path): node-postgres passes arrays as array
 * parameters, so a batch is a handful of `unnest` statements.
 */
export class PostgresEntityStorage implements EntityStorage {
  readonly #knex: Knex;
  readonly #tuned = new WeakSet<Client>();

  constructor(knex: Knex) {
    this.#knex = knex;
  }

  async #use<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client: Client = await this.#knex.client.acquireConnection();
    try {
      if (!this.#tuned.has(client)) {
        // The store's statements are short and index-driven: starting parallel workers costs more
        // than it saves, and so does JIT compilation, which costly-looking plans would pay for on
        // every call. Set once per connection, so that a one-statement read is one round trip.
        await client.query('SET max_parallel_workers_per_gather = 0; SET jit = off');
        this.#tuned.add(client);
      }
      return await work(client);
    } finally {
      await this.#knex.client.releaseConnection(client);
    }
  }

  /** Runs one read statement: its own snapshot, without a transaction around it. */
  async #rows(sql: string, params: unknown[]): Promise<Row[]> {
    return this.#use(async (client) => (await client.query(sql, params)).rows);
  }

  /** Runs reads in one read-only transaction on one connection, so that they see one snapshot. */
  async #read<T>(
    work: (query: (sql: string, params: unknown[]) => Promise<Row[]>) => Promise<T>,
  ): Promise<T> {
    return this.#use(async (client) => {
      await client.query('BEGIN READ ONLY');
      try {
        return await work(async (sql, params) => (await client.query(sql, params)).rows);
      } finally {
        await client.query('COMMIT');
      }
    });
  }

  async close(): Promise<void> {}

  async applyMutation(
    provider: string,
    upserts: EntityUpsert[],
    deletes: string[],
  ): Promise<MutationOutcome> {
    const refs = new MutationRefs();
    const prepared = upserts.map((upsert, i) => {
      const ready = prepareEntityUpsert(upsert, i);
      refs.add(ready.ref);
      return ready;
    });
    for (const ref of deletes) {
      refs.add(ref);
    }
    return this.#use(async (client) => {
      await client.query('BEGIN');
      try {
        const outcome = await this.#write(client, provider, prepared, deletes);
        await client.query('COMMIT');
        return outcome;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    });
  }

  async #write(
    client: Client,
    provider: string,
    upserts: PreparedUpsert[],
    deletes: string[],
  ): Promise<MutationOutcome> {
    const refs = [...upserts.map((upsert) => upsert.ref), ...deletes];
    // Replicas writing the same refs queue here; locking in key order cannot deadlock.
    await client.query(
      `SELECT pg_advisory_xact_lock(${lockClass}, k)
       FROM (SELECT DISTINCT hashtext(ref) AS k FROM unnest($1::text[]) AS ref) AS keys ORDER BY k`,
      [refs],
    );
    const existing = (
      await client.query(
        'SELECT id, entity_ref AS ref, uid, provider, source, hash FROM entities WHERE entity_ref = ANY($1::text[])',
        [refs],
      )
    ).rows.map((row: Row): ExistingEntity => ({ ...(row as unknown as ExistingEntity), id: Number(row.id) }));
    const plan = planEntityMutation(
      provider,
      upserts,
      deletes,
      new Map(existing.map((row) => [row.ref, row])),
    );

    const cleared = [...plan.deletes, ...plan.updates.map((update) => update.existing)].map(
      (entity) => entity.id,
    );
    // Facet count changes, by key, kind, value and shown value, applied once at the end.
    const facetDeltas = new Map<string, number>();
    if (cleared.length > 0) {
      const removed = await client.query(
        `WITH removed AS (
           DELETE FROM search WHERE entity_id = ANY($1::bigint[]) RETURNING entity_id, key, value, original_value
         ), kinds AS (SELECT entity_id, value AS kind FROM removed WHERE key = 'kind')
         SELECT r.key, coalesce(k.kind, '') AS kind, r.value, coalesce(r.original_value, r.value) AS shown,
           count(*) AS count
         FROM removed r LEFT JOIN kinds k ON k.entity_id = r.entity_id
         WHERE r.value IS NOT NULL GROUP BY 1, 2, 3, 4`,
        [cleared],
      );
      for (const row of removed.rows as Array<FacetRow & { count: string }>) {
        addFacetDelta(facetDeltas, row, -Number(row.count));
      }
      for (const table of ['search_elements', 'entity_text']) {
        await client.query(`DELETE FROM ${table} WHERE entity_id = ANY($1::bigint[])`, [cleared]);
      }
      await client.query('DELETE FROM relations WHERE originator_id = ANY($1::bigint[])', [cleared]);
    }
    if (plan.deletes.length > 0) {
      await client.query('DELETE FROM entities WHERE id = ANY($1::bigint[])', [
        plan.deletes.map((e) => e.id),
      ]);
    }
    const written: Array<{ id: number; uid: string; upsert: PreparedUpsert }> = [];
    if (plan.updates.length > 0) {
      await client.query(
        `UPDATE entities e SET source = u.source, hash = u.hash, final_entity = u.text
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[]) AS u(id, source, hash, text)
         WHERE e.id = u.id`,
        [
          plan.updates.map((u) => u.existing.id),
          plan.updates.map((u) => u.upsert.source ?? ''),
          plan.updates.map((u) => u.upsert.hash),
          plan.updates.map((u) => renderEntityText(u.upsert.text, u.existing.uid)),
        ],
      );
      for (const { upsert, existing: current } of plan.updates) {
        written.push({ id: current.id, uid: current.uid, upsert });
      }
    }
    if (plan.inserts.length > 0) {
      const inserted = await client.query(
        `INSERT INTO entities (entity_ref, uid, provider, source, hash, final_entity)
         SELECT u.ref, u.uid, $1, u.source, u.hash, u.text
         FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(ref, uid, source, hash, text)
         RETURNING id, entity_ref AS ref`,
        [
          provider,
          plan.inserts.map((i) => i.upsert.ref),
          plan.inserts.map((i) => i.uid),
          plan.inserts.map((i) => i.upsert.source ?? ''),
          plan.inserts.map((i) => i.upsert.hash),
          plan.inserts.map((i) => renderEntityText(i.upsert.text, i.uid)),
        ],
      );
      const ids = new Map(inserted.rows.map((row: Row) => [row.ref as string, Number(row.id)]));
      for (const { upsert, uid } of plan.inserts) {
        written.push({ id: ids.get(upsert.ref) as number, uid, upsert });
      }
    }
    if (plan.moves.length > 0) {
      await client.query(
        `UPDATE entities e SET source = u.source FROM unnest($1::bigint[], $2::text[]) AS u(id, source)
         WHERE e.id = u.id`,
        [plan.moves.map((m) => m.existing.id), plan.moves.map((m) => m.source)],
      );
    }
    if (written.length > 0) {
      await this.#writeIndexes(client, written, facetDeltas);
    }
    await applyFacetDeltas(client, facetDeltas);
    return { result: plan.result, payloads: plan.payloads };
  }

  async #writeIndexes(
    client: Client,
    written: Array<{ id: number; uid: string; upsert: PreparedUpsert }>,
    facetDeltas: Map<string, number>,
  ): Promise<void> {
    const search = { id: [] as number[], key: [] as string[], value: [] as Array<string | null> };
    const searchExtra = { original: [] as Array<string | null>, primary: [] as boolean[] };
    const elements = {
      id: [] as number[],
      element: [] as number[],
      key: [] as string[],
      value: [] as unknown[],
    };
    const relations = {
      id: [] as number[],
      inverse: [] as boolean[],
      source: [] as string[],
      type: [] as string[],
      target: [] as string[],
    };
    const text = { id: [] as number[], name: [] as string[], title: [] as string[] };
    const textExtra = { description: [] as string[], tags: [] as string[], owner: [] as string[] };

    for (const { id, uid, upsert } of written) {
      const documents: ElementDocument[] = [];
      const rows = buildSearchRows(upsert.entity, {
        skip: entitySearchSkip,
        extra: [['metadata.uid', uid]],
        elements: documents,
      });
      const kind = rows.find((row) => row.key === 'kind')?.value ?? '';
      for (const row of rows) {
        search.id.push(id);
        search.key.push(row.key);
        search.value.push(row.value);
        searchExtra.original.push(row.original);
        searchExtra.primary.push(row.primary);
        if (row.value !== null) {
          addFacetDelta(
            facetDeltas,
            { key: row.key, kind, value: row.value, shown: row.original ?? row.value },
            1,
          );
        }
      }
      documents.forEach((document, n) => {
        for (const row of [{ key: '', value: document.path }, ...document.rows]) {
          elements.id.push(id);
          elements.element.push(n);
          elements.key.push(row.key);
          elements.value.push(row.value);
        }
      });
      for (const relation of upsert.relations) {
        relations.id.push(id, id);
        relations.inverse.push(false, true);
        relations.source.push(upsert.ref, relation.targetRef);
        relations.type.push(relation.type, relation.inverseType);
        relations.target.push(relation.targetRef, upsert.ref);
      }
      const document = buildFullTextDocument(upsert.entity);
      text.id.push(id);
      text.name.push(document.name);
      text.title.push(document.title);
      textExtra.description.push(document.description);
      textExtra.tags.push(document.tags);
      textExtra.owner.push(document.owner);
    }

    await client.query(
      `INSERT INTO search (entity_id, key, value, original_value, is_primary)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::boolean[])`,
      [search.id, search.key, search.value, searchExtra.original, searchExtra.primary],
    );
    if (elements.id.length > 0) {
      await client.query(
        `INSERT INTO search_elements (entity_id, element, key, value)
         SELECT * FROM unnest($1::bigint[], $2::integer[], $3::text[], $4::text[])`,
        [elements.id, elements.element, elements.key, elements.value],
      );
    }
    if (relations.id.length > 0) {
      await client.query(
        `INSERT INTO relations (originator_id, inverse, source_ref, type, target_ref)
         SELECT * FROM unnest($1::bigint[], $2::boolean[], $3::text[], $4::text[], $5::text[])`,
        [relations.id, relations.inverse, relations.source, relations.type, relations.target],
      );
    }
    await client.query(
      `INSERT INTO entity_text (entity_id, document)
       SELECT t.id, ${documentExpression}
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS t(id, name, title, description, tags, owner)`,
      [text.id, text.name, text.title, textExtra.description, textExtra.tags, textExtra.owner],
    );
  }

  async getByRefs(refs: string[], condition?: PredicateNode): Promise<StoredEntity[]> {
    const params = new SqlParameters();
    const refsParam = params.add(refs);
    const where = compilePostgresFilter(condition ? { condition } : {}, params);
    const rows = await this.#rows(
      `SELECT ${entityColumns} FROM entities e WHERE e.entity_ref = ANY(${refsParam}::text[]) AND (${where})`,
      params.values,
    );
    return rows.map(toStored);
  }

  async getByUid(uid: string, condition?: PredicateNode): Promise<StoredEntity | undefined> {
    const params = new SqlParameters();
    const uidParam = params.add(uid);
    const where = compilePostgresFilter(condition ? { condition } : {}, params);
    const [row] = await this.#rows(
      `SELECT ${entityColumns} FROM entities e WHERE e.uid = ${uidParam} AND (${where})`,
      params.values,
    );
    return row ? toStored(row) : undefined;
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
    const params = new SqlParameters();
    const refs = params.add(entities.map((entity) => entity.ref));
    const rows = await this.#rows(
      `SELECT t.source_ref AS ref, t.type, t.target_ref AS "targetRef" FROM relations t
       WHERE t.source_ref = ANY(${refs}::text[]) ${hiddenTargets(restrict, params)}`,
      params.values,
    );
    for (const row of rows) {
      const id = idByRef.get(row.ref as string);
      if (id !== undefined) {
        relations.get(id)?.push({ type: row.type as string, targetRef: row.targetRef as string });
      }
    }
    return relations;
  }

  async count(filter: EntityFilter): Promise<number> {
    const params = new SqlParameters();
    let sql: string;
    const driver = filter.condition ? splitCountDriver(filter.condition) : undefined;
    const lookup =
      filter.condition && !filter.contains && !filter.words?.length
        ? toFacetCountLookup(filter.condition)
        : undefined;
    if (lookup) {
      // One kind, maybe with one more equality: the facet counts hold the answer.
      const kind = params.add(lookup.kind);
      const [key, value] = lookup.equal ? [lookup.equal.key, lookup.equal.value] : ['kind', lookup.kind];
      sql = `SELECT coalesce(sum(count), 0) AS count FROM search_facets
             WHERE key = ${params.add(key)} AND kind = ${kind} AND value = ${params.add(value)}`;
    } else if (!filter.condition && !filter.contains && filter.words && filter.words.length > 0) {
      // Every entity has one text document: count them without touching the entities.
      sql = `SELECT count(*) AS count FROM entity_text t WHERE t.document @@ to_tsquery('simple', ${params.add(toTsQuery(filter.words))})`;
    } else if (driver) {
      // Walk the search rows of one equality (one row per matching entity, in id order) and test
      // the rest on those ids: no pass over every entity id, and merge joins between index ranges.
      const key = params.add(driver.key);
      const value = params.add(driver.value);
      const rest = compilePostgresFilter(
        {
          ...(driver.rest.length > 0 ? { condition: { type: 'all', children: driver.rest } } : {}),
          ...(filter.words ? { words: filter.words } : {}),
          ...(filter.contains ? { contains: filter.contains } : {}),
        },
        params,
      );
      sql = `SELECT count(*) AS count FROM (SELECT d.entity_id AS id FROM search d WHERE d.key = ${key} AND d.value = ${value}) e
             WHERE ${rest}`;
    } else {
      sql = `SELECT count(*) AS count FROM entities e WHERE ${compilePostgresFilter(filter, params)}`;
    }
    const [row] = await this.#rows(sql, params.values);
    return Number(row?.count ?? 0);
  }

  async scanByRef(request: ScanRequest<string>): Promise<PageItem[]> {
    const params = new SqlParameters();
    const where = compilePostgresFilter(request.filter, params);
    const bound =
      request.after === undefined
        ? ''
        : `AND e.entity_ref ${request.descending ? '<' : '>'} ${params.add(request.after)}`;
    const rows = await this.#rows(
      `SELECT ${entityColumns} FROM entities e WHERE (${where}) ${bound}
       ORDER BY e.entity_ref ${request.descending ? 'DESC' : 'ASC'} LIMIT ${params.add(request.limit)}`,
      params.values,
    );
    return rows.map((row) => {
      const entity = toStored(row);
      return { ...entity, key: { by: 'ref', ref: entity.ref } };
    });
  }

  async scanByValue(key: string, request: ScanRequest<{ value: string; id: number }>): Promise<PageItem[]> {
    const params = new SqlParameters();
    const where = compilePostgresFilter(request.filter, params);
    const comparison = request.descending ? '<' : '>';
    const bound = request.after
      ? `AND (s.value, s.entity_id) ${comparison} (${params.add(request.after.value)}, ${params.add(request.after.id)})`
      : '';
    const direction = request.descending ? 'DESC' : 'ASC';
    const rows = await this.#rows(
      `SELECT ${entityColumns}, s.value AS value FROM search s JOIN entities e ON e.id = s.entity_id
       WHERE s.key = ${params.add(key)} AND s.is_primary AND (${where}) ${bound}
       ORDER BY s.value ${direction}, s.entity_id ${direction} LIMIT ${params.add(request.limit)}`,
      params.values,
    );
    return rows.map((row) => {
      const entity = toStored(row);
      return { ...entity, key: { by: 'field', value: row.value as string, id: entity.id } };
    });
  }

  async scanLackingValue(key: string, request: ScanRequest<number>): Promise<PageItem[]> {
    const params = new SqlParameters();
    const where = compilePostgresFilter(request.filter, params);
    const bound =
      request.after === undefined
        ? ''
        : `AND e.id ${request.descending ? '<' : '>'} ${params.add(request.after)}`;
    const rows = await this.#rows(
      `SELECT ${entityColumns} FROM entities e
       WHERE (${where}) ${bound}
         AND NOT EXISTS (SELECT 1 FROM search s WHERE s.entity_id = e.id AND s.key = ${params.add(key)} AND s.is_primary)
       ORDER BY e.id ${request.descending ? 'DESC' : 'ASC'} LIMIT ${params.add(request.limit)}`,
      params.values,
    );
    return rows.map((row) => {
      const entity = toStored(row);
      return { ...entity, key: { by: 'field', value: null, id: entity.id } };
    });
  }

  async scanByValues(orders: FieldOrder[], request: ScanRequest<FieldsKey>): Promise<PageItem[]> {
    const params = new SqlParameters();
    const { after, descending: backwards } = request;
    const joins = orders
      .map(
        (order, i) =>
          `LEFT JOIN search s${i} ON s${i}.entity_id = e.id AND s${i}.key = ${params.add(order.key)} AND s${i}.is_primary`,
      )
      .join(' ');
    const where = compilePostgresFilter(request.filter, params);
    const bound = after
      ? `AND ${compileFieldsKeyset(
          orders.map((_, i) => `s${i}.value`),
          orders,
          'e.entity_ref',
          after,
          backwards,
          (value) => params.add(value),
        )}`
      : '';
    // Entities lacking a field come last either way, so walking backwards puts them first.
    const sorts = orders.map((order, i) => {
      const descending = order.descending !== backwards;
      return `s${i}.value ${descending ? 'DESC' : 'ASC'} NULLS ${backwards ? 'FIRST' : 'LAST'}`;
    });
    const rows = await this.#read(async (query) => {
      // No index gives this order, so every match is sorted: probing each match's search rows
      // one by one, as a misestimate (fresh statistics) can plan it, costs far more than hashing.
      await query('SET LOCAL enable_nestloop = off', []);
      return query(
        `SELECT ${entityColumns}, ${orders.map((_, i) => `s${i}.value AS v${i}`).join(', ')}
       FROM entities e ${joins}
       WHERE (${where}) ${bound}
       ORDER BY ${sorts.join(', ')}, e.entity_ref ${backwards ? 'DESC' : 'ASC'} LIMIT ${params.add(request.limit)}`,
        params.values,
      );
    });
    return rows.map((row) => {
      const entity = toStored(row);
      const values = orders.map((_, i) => (row[`v${i}`] ?? null) as string | null);
      return { ...entity, key: { by: 'fields', values, ref: entity.ref } };
    });
  }

  async scanByRank(request: ScanRequest<{ rank: number; id: number }>): Promise<PageItem[]> {
    const words = request.filter.words ?? [];
    const { after, descending, limit } = request;
    const condition = request.filter.condition;
    const first = after?.rank ?? (descending ? fullTextTiers.length : 1);
    const direction = descending ? 'DESC' : 'ASC';
    return this.#read(async (query) => {
      const items: PageItem[] = [];
      // One query per tier, each on its own GIN index and in id order, until the page is full:
      // a common word fills the page from the names alone instead of ranking every match.
      for (
        let rank = first;
        rank >= 1 && rank <= fullTextTiers.length && items.length < limit;
        rank += descending ? -1 : 1
      ) {
        const params = new SqlParameters();
        const tier = (fullTextTiers[rank - 1] as (term: string) => string)(
          `to_tsquery('simple', ${params.add(toTsQuery(words))})`,
        );
        const bound =
          after && rank === after.rank
            ? `AND t.entity_id ${descending ? '<' : '>'} ${params.add(after.id)}`
            : '';
        const where = compilePostgresFilter(condition ? { condition } : {}, params);
        const rows = await query(
          `WITH tier AS MATERIALIZED (
             SELECT t.entity_id AS id FROM entity_text t WHERE ${tier} ${bound}
           ), page AS MATERIALIZED (
             SELECT r.id FROM tier r ${condition ? 'JOIN entities e ON e.id = r.id' : ''}
             WHERE (${where}) ORDER BY r.id ${direction} LIMIT ${params.add(limit - items.length)}
           )
           SELECT ${entityColumns} FROM page p JOIN entities e ON e.id = p.id ORDER BY p.id ${direction}`,
          params.values,
        );
        for (const row of rows) {
          const entity = toStored(row);
          items.push({ ...entity, key: { by: 'rank', rank, id: entity.id } });
        }
      }
      return items;
    });
  }

  async facets(
    paths: string[],
    condition?: PredicateNode,
    restrict?: PredicateNode,
  ): Promise<Map<string, Map<string, number>>> {
    // For every entity, or those of one kind, the facet counts hold the answer.
    const lookup = condition ? toFacetCountLookup(condition) : undefined;
    const fromCounts = !condition || (lookup !== undefined && lookup.equal === undefined);
    // One query per path, on separate pool connections, so that PostgreSQL counts them side by side.
    const counted = await Promise.all(
      paths.map(async (path) => {
        const key = path.toLowerCase();
        const params = new SqlParameters();
        // A function: the filter's parameters are added only to a query that uses it.
        const matching = () => (condition ? `WHERE ${compilePostgresFilter({ condition }, params)}` : '');
        let sql: string;
        if (key.startsWith('relations.')) {
          sql = `SELECT t.target_ref AS value, count(DISTINCT t.source_ref) AS count FROM relations t
             WHERE t.source_ref IN (SELECT e.entity_ref FROM entities e ${matching()})
               AND lower(t.type) = ${params.add(key.slice('relations.'.length))}
               ${hiddenTargets(restrict, params)}
             GROUP BY t.target_ref`;
        } else if (!fromCounts) {
          sql = `SELECT coalesce(s.original_value, s.value) AS value, count(*) AS count FROM search s
               WHERE s.entity_id IN (SELECT e.id FROM entities e ${matching()})
                 AND s.key = ${params.add(key)} AND s.value IS NOT NULL
               GROUP BY 1`;
        } else {
          sql = `SELECT shown AS value, sum(count) AS count FROM search_facets
               WHERE key = ${params.add(key)} ${lookup ? `AND kind = ${params.add(lookup.kind)}` : ''}
               GROUP BY shown HAVING sum(count) > 0`;
        }
        const rows = await this.#rows(sql, params.values);
        return [path, new Map(rows.map((row) => [row.value as string, Number(row.count)]))] as const;
      }),
    );
    return new Map(counted);
  }

  async listProvided(
    provider: string,
    source: string | undefined,
    after: { source: string; id: number } | undefined,
    limit: number,
  ): Promise<ProvidedEntity[]> {
    const params = new SqlParameters();
    const conditions = [`provider = ${params.add(provider)}`];
    if (source !== undefined) {
      conditions.push(`source = ${params.add(source)}`);
    }
    if (after) {
      conditions.push(`(source, id) > (${params.add(after.source)}, ${params.add(after.id)})`);
    }
    const rows = await this.#rows(
      `SELECT id, entity_ref AS ref, source FROM entities WHERE ${conditions.join(' AND ')}
       ORDER BY source, id LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows.map((row) => ({ id: Number(row.id), ref: row.ref as string, source: row.source as string }));
  }
}
