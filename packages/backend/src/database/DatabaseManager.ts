import type { DatabaseService } from '@atrium/plugin-api';

/** Owns one connection pool per database namespace (the core and each plugin). */
export interface DatabaseManager {
  /** DatabaseService for a namespace: the core uses 'core', each plugin its id. */
  forNamespace(namespace: string): DatabaseService;
  readonly client: 'better-sqlite3' | 'pg';
  /** Closes every pool. */
  destroy(): Promise<void>;
}
