/** The `backend.database` section of app-config. */
export interface DatabaseConfig {
  client: 'better-sqlite3' | 'pg';
  /** SQLite: a directory holding one file per namespace, or `':memory:'`; PostgreSQL: a connection string or object. */
  connection: string | Record<string, unknown>;
}
