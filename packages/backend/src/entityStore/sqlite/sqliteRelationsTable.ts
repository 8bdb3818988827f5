/**
 * The relations table on SQLite: each relation once, in the row of the entity
 * that made it, clustered by that entity so that a write appends its rows in
 * one place. The inverse direction is read from the same row (the target gets
 * `inverse_type` towards `source_ref`); the originator's search document has a
 * term per relation target, which finds those rows without an index on targets.
 */
export const sqliteRelationsTable = `CREATE TABLE relations (
  originator_id INTEGER NOT NULL,
  source_ref TEXT NOT NULL,
  type TEXT NOT NULL,
  inverse_type TEXT NOT NULL,
  target_ref TEXT NOT NULL,
  PRIMARY KEY (originator_id, type, target_ref, inverse_type)
) WITHOUT ROWID`;
