import type { Knex } from 'knex';
import { sqliteRelationsTable } from './sqliteRelationsTable';

// Every printable ASCII character but `"` (0x22) stays inside a term; space separates terms.
const termCharacters = Array.from({ length: 0x7e - 0x21 + 1 }, (_, i) => String.fromCharCode(0x21 + i))
  .filter((character) => character !== '"')
  .join('')
  .replaceAll("'", "''");

const termIndexOptions = `content='', contentless_delete=1, detail=none, tokenize="ascii tokenchars '${termCharacters}'"`;

const tables = [
  'entity_text',
  'element_search',
  'entity_search_terms',
  'entity_search_instances',
  'entity_search',
  'relations',
  'entities',
];

/** The first migration of the entity store on SQLite: its tables and indexes. */
export const sqliteSchemaMigration = {
  async up(knex: Knex): Promise<void> {
    const statements = [
      `CREATE TABLE entities (
      id INTEGER PRIMARY KEY,
      entity_ref TEXT NOT NULL UNIQUE,
      uid TEXT NOT NULL UNIQUE,
      provider TEXT NOT NULL,
      source TEXT NOT NULL,
      hash TEXT NOT NULL,
      element_count INTEGER NOT NULL,
      final_entity TEXT NOT NULL
    )`,
      // Ordered by id rather than ref so that new entities append to the index.
      'CREATE INDEX entities_provider_source_id ON entities (provider, source, id)',
      sqliteRelationsTable,
      `CREATE VIRTUAL TABLE entity_search USING fts5(terms, ${termIndexOptions})`,
      'CREATE VIRTUAL TABLE entity_search_instances USING fts5vocab(entity_search, instance)',
      'CREATE VIRTUAL TABLE entity_search_terms USING fts5vocab(entity_search, row)',
      `CREATE VIRTUAL TABLE element_search USING fts5(terms, ${termIndexOptions})`,
      `CREATE VIRTUAL TABLE entity_text USING fts5(
      name, title, description, tags, owner,
      content='', contentless_delete=1, detail=column, tokenize="unicode61 remove_diacritics 0"
    )`,
    ];
    for (const statement of statements) {
      await knex.raw(statement);
    }
  },
  async down(knex: Knex): Promise<void> {
    for (const table of tables) {
      await knex.raw(`DROP TABLE IF EXISTS ${table}`);
    }
  },
};
