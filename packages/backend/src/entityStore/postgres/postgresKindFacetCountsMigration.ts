import type { Knex } from 'knex';
import { postgresFacetCountsMigration } from './postgresFacetCountsMigration';

/**
 * Keeps the facet counts per kind as well as per search key and value, so
 * that the catalog's usual views — one kind, maybe one more equality — count
 * their matches and facets from a few rows instead of walking the search rows
 * of every entity of the kind. Each row counts the entities of `kind` whose
 * key has the lowercase `value`, shown as `shown` (the original spelling,
 * else the value). An entity's kind is its lowercase `kind` search value, ''
 * when that is too long to index. Replaces the counts per key and shown value.
 */
export const postgresKindFacetCountsMigration = {
  async up(knex: Knex): Promise<void> {
    await knex.raw('DROP TABLE search_facets');
    await knex.raw(`CREATE TABLE search_facets (
      key text COLLATE "C" NOT NULL,
      kind text COLLATE "C" NOT NULL,
      value text COLLATE "C" NOT NULL,
      shown text COLLATE "C" NOT NULL,
      count bigint NOT NULL,
      PRIMARY KEY (key, kind, value, shown)
    )`);
    await knex.raw(`INSERT INTO search_facets (key, kind, value, shown, count)
      SELECT s.key, coalesce(k.value, ''), s.value, coalesce(s.original_value, s.value), count(*)
      FROM search s LEFT JOIN search k ON k.entity_id = s.entity_id AND k.key = 'kind'
      WHERE s.value IS NOT NULL GROUP BY 1, 2, 3, 4`);
  },
  async down(knex: Knex): Promise<void> {
    await knex.raw('DROP TABLE search_facets');
    await postgresFacetCountsMigration.up(knex);
  },
};
