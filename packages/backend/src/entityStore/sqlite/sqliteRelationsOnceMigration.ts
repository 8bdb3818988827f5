import type { Knex } from 'knex';
import { sqliteRelationsTable } from './sqliteRelationsTable';

/** The relations table before this migration: a forward and an inverse row per relation. */
export const relationsBothWaysTable = `CREATE TABLE relations (
  originator_id INTEGER NOT NULL,
  inverse INTEGER NOT NULL,
  source_ref TEXT NOT NULL,
  type TEXT NOT NULL,
  target_ref TEXT NOT NULL,
  PRIMARY KEY (originator_id, inverse, source_ref, type, target_ref)
) WITHOUT ROWID`;

async function hasColumn(knex: Knex, column: string): Promise<boolean> {
  const rows: Array<{ name: string }> = await knex.raw("SELECT name FROM pragma_table_info('relations')");
  return rows.some((row) => row.name === column);
}

/**
 * Converts a relations table written before {@link sqliteRelationsTable}, with
 * a forward and an inverse row per relation, to one row per relation. The
 * first migration creates the new table since, so this does nothing on a
 * database created since; either way it is safe to run again.
 */
export const sqliteRelationsOnceMigration = {
  async up(knex: Knex): Promise<void> {
    if (!(await hasColumn(knex, 'inverse'))) {
      return;
    }
    await knex.raw('ALTER TABLE relations RENAME TO relations_both_ways');
    await knex.raw(sqliteRelationsTable);
    // The inverse row of a forward row has the same originator and the two refs swapped.
    await knex.raw(`INSERT INTO relations (originator_id, source_ref, type, inverse_type, target_ref)
      SELECT f.originator_id, f.source_ref, f.type,
        coalesce((SELECT min(i.type) FROM relations_both_ways i
          WHERE i.originator_id = f.originator_id AND i.inverse = 1
            AND i.source_ref = f.target_ref AND i.target_ref = f.source_ref), f.type),
        f.target_ref
      FROM relations_both_ways f WHERE f.inverse = 0`);
    // An entity with relations of several inverse types to one target has them paired by guess
    // above; clearing its hash makes its provider's next write store them again.
    await knex.raw(`UPDATE entities SET hash = '' WHERE id IN (
      SELECT originator_id FROM relations_both_ways WHERE inverse = 1
      GROUP BY originator_id, source_ref HAVING count(*) > 1)`);
    await knex.raw('DROP TABLE relations_both_ways');
  },
  async down(knex: Knex): Promise<void> {
    if (!(await hasColumn(knex, 'inverse_type'))) {
      return;
    }
    await knex.raw('ALTER TABLE relations RENAME TO relations_once');
    await knex.raw(relationsBothWaysTable);
    await knex.raw(`INSERT OR IGNORE INTO relations (originator_id, inverse, source_ref, type, target_ref)
      SELECT originator_id, 0, source_ref, type, target_ref FROM relations_once
      UNION ALL SELECT originator_id, 1, target_ref, inverse_type, source_ref FROM relations_once`);
    await knex.raw('DROP TABLE relations_once');
  },
};
