import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { migrateWithLock } from '../database';
import { authMigrationSource } from './authMigrationSource';
import type { SessionPrincipal } from './SessionPrincipal';
import { sha256Hex } from './sha256Hex';

const table = 'auth_sessions';
const slideResolutionMs = 60_000;

/** A live session as read from the database. */
export interface Session extends SessionPrincipal {
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  /** When the ownership refs were last read from the catalog. */
  refreshedAt: Date;
}

/** A new session: the raw id goes into the cookie and is never stored. */
export interface CreatedSession extends Session {
  id: string;
}

interface SessionRow {
  id_hash: string;
  principal: string;
  csrf_token: string;
  created_at: number | string;
  expires_at: number | string;
  refreshed_at: number | string;
}

/** Options of {@link SessionStore.create}. */
export interface SessionStoreOptions {
  /** Sliding lifetime: a session expires this long after it was last used. */
  maxAgeMs: number;
  /** Epoch milliseconds; tests move the clock. */
  now?: () => number;
}

// PostgreSQL returns bigint columns as strings.
const toDate = (value: number | string) => new Date(Number(value));

/**
 * Server-side sessions in the core database. Only the SHA-256 of a session id is
 * stored, so the table cannot be replayed; expiry slides with use.
 */
export class SessionStore {
  readonly #knex: Knex;
  readonly #maxAgeMs: number;
  readonly #now: () => number;

  private constructor(knex: Knex, options: SessionStoreOptions) {
    this.#knex = knex;
    this.#maxAgeMs = options.maxAgeMs;
    this.#now = options.now ?? Date.now;
  }

  /** Applies the auth migrations; safe with several replicas booting at once. */
  static async create(knex: Knex, options: SessionStoreOptions): Promise<SessionStore> {
    await migrateWithLock(knex, {
      lockName: 'core.auth',
      config: { migrationSource: authMigrationSource, tableName: 'auth_migrations' },
    });
    return new SessionStore(knex, options);
  }

  /** Starts a session for a signed-in principal. */
  async start(signedIn: SessionPrincipal): Promise<CreatedSession> {
    const id = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.#now();
    const expiresAt = now + this.#maxAgeMs;
    // Sign-ins are rare next to requests, so this is where expired sessions are swept.
    await this.#knex(table).where('expires_at', '<=', now).delete();
    await this.#knex(table).insert({
      id_hash: sha256Hex(id),
      user_entity_ref: signedIn.principal.userEntityRef,
      principal: JSON.stringify(signedIn),
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
      last_seen_at: now,
      refreshed_at: now,
    });
    return {
      ...signedIn,
      id,
      csrfToken,
      createdAt: new Date(now),
      expiresAt: new Date(expiresAt),
      refreshedAt: new Date(now),
    };
  }

  /** The live session with this id, its expiry pushed out; undefined when unknown or expired. */
  async use(id: string): Promise<Session | undefined> {
    const idHash = sha256Hex(id);
    const now = this.#now();
    const row = (await this.#knex(table).where('id_hash', idHash).andWhere('expires_at', '>', now).first()) as
      | SessionRow
      | undefined;
    if (row === undefined) {
      return undefined;
    }
    // Sliding expiry, written at most once a minute so reads do not all become writes.
    let expiresAt = Number(row.expires_at);
    if (expiresAt < now + this.#maxAgeMs - slideResolutionMs) {
      expiresAt = now + this.#maxAgeMs;
      await this.#knex(table).where('id_hash', idHash).update({ expires_at: expiresAt, last_seen_at: now });
    }
    return {
      ...(JSON.parse(row.principal) as SessionPrincipal),
      csrfToken: row.csrf_token,
      createdAt: toDate(row.created_at),
      expiresAt: new Date(expiresAt),
      refreshedAt: toDate(row.refreshed_at),
    };
  }

  /** Replaces the principal of a session, e.g. after group membership changed in the catalog. */
  async refresh(id: string, signedIn: SessionPrincipal): Promise<void> {
    await this.#knex(table)
      .where('id_hash', sha256Hex(id))
      .update({ principal: JSON.stringify(signedIn), refreshed_at: this.#now() });
  }

  /** Ends a session; unknown ids are ignored. */
  async end(id: string): Promise<void> {
    await this.#knex(table).where('id_hash', sha256Hex(id)).delete();
  }
}
