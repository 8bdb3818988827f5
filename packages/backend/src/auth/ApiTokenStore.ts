import { randomBytes } from 'node:crypto';
import { AuthenticationError, NotFoundError } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { migrateWithLock } from '../database';
import { authMigrationSource } from './authMigrationSource';
import { safeEqual } from './safeEqual';
import { sha256Hex } from './sha256Hex';

const table = 'auth_api_tokens';
const tokenPattern = /^atr_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
// Writing last-used on every request would turn every read into a write.
const lastUsedResolutionMs = 60_000;

/** A personal API token as listed to its owner (never with its secret). */
export interface ApiTokenInfo {
  id: string;
  userEntityRef: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

interface ApiTokenRow {
  id: string;
  user_entity_ref: string;
  name: string;
  scopes: string;
  secret_hash: string;
  created_at: number | string;
  expires_at: number | string;
  last_used_at: number | string | null;
  revoked_at: number | string | null;
}

const iso = (value: number | string) => new Date(Number(value)).toISOString();

function toInfo(row: ApiTokenRow): ApiTokenInfo {
  return {
    id: row.id,
    userEntityRef: row.user_entity_ref,
    name: row.name,
    scopes: JSON.parse(row.scopes) as string[],
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    ...(row.last_used_at === null ? {} : { lastUsedAt: iso(row.last_used_at) }),
    ...(row.revoked_at === null ? {} : { revokedAt: iso(row.revoked_at) }),
  };
}

/**
 * Personal API tokens (`atr_<id>_<secret>`) in the core database: only the SHA-256
 * of the secret is stored, so the token is shown once, at creation.
 */
export class ApiTokenStore {
  readonly #knex: Knex;
  readonly #now: () => number;

  private constructor(knex: Knex, now: () => number) {
    this.#knex = knex;
    this.#now = now;
  }

  /** Applies the auth migrations; safe with several replicas booting at once. */
  static async create(knex: Knex, options: { now?: () => number } = {}): Promise<ApiTokenStore> {
    await migrateWithLock(knex, {
      lockName: 'core.auth',
      config: { migrationSource: authMigrationSource, tableName: 'auth_migrations' },
    });
    return new ApiTokenStore(knex, options.now ?? Date.now);
  }

  /** Creates a token; the returned `token` is the only copy of the secret. */
  async issue(request: {
    userEntityRef: string;
    name: string;
    scopes: string[];
    expiresInDays: number;
  }): Promise<ApiTokenInfo & { token: string }> {
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const now = this.#now();
    const row: ApiTokenRow = {
      id,
      user_entity_ref: request.userEntityRef,
      name: request.name,
      scopes: JSON.stringify(request.scopes),
      secret_hash: sha256Hex(secret),
      created_at: now,
      expires_at: now + request.expiresInDays * 86_400_000,
      last_used_at: null,
      revoked_at: null,
    };
    await this.#knex(table).insert(row);
    return { token: `atr_${id}_${secret}`, ...toInfo(row) };
  }

  /** The tokens a user made, newest first, revoked ones included. */
  async list(userEntityRef: string): Promise<ApiTokenInfo[]> {
    const rows = (await this.#knex(table)
      .where('user_entity_ref', userEntityRef)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'asc' },
      ])) as ApiTokenRow[];
    return rows.map(toInfo);
  }

  /** Revokes one of a user's tokens; another user's token is reported as not found. */
  async revoke(userEntityRef: string, id: string): Promise<void> {
    const updated = await this.#knex(table)
      .where({ id, user_entity_ref: userEntityRef })
      .whereNull('revoked_at')
      .update({ revoked_at: this.#now() });
    if (updated === 0) {
      const exists = await this.#knex(table).where({ id, user_entity_ref: userEntityRef }).first();
      if (exists === undefined) {
        throw new NotFoundError(`API token '${id}' not found among your tokens`);
      }
    }
  }

  /** Whether a bearer token has the shape of a personal API token. */
  static isApiToken(token: string): boolean {
    return token.startsWith('atr_');
  }

  /**
   * The token a bearer value stands for, with its last use recorded. Throws
   * `AuthenticationError` saying why for malformed, unknown, revoked or expired tokens.
   */
  async verify(token: string): Promise<ApiTokenInfo> {
    const [, id, secret] = tokenPattern.exec(token) ?? [];
    if (id === undefined || secret === undefined) {
      throw new AuthenticationError(
        'Malformed API token; copy the whole atr_… value shown when it was created',
      );
    }
    const row = (await this.#knex(table).where('id', id).first()) as ApiTokenRow | undefined;
    if (row === undefined || !safeEqual(row.secret_hash, sha256Hex(secret))) {
      throw new AuthenticationError('Unknown API token; create a new one under your profile');
    }
    const now = this.#now();
    if (row.revoked_at !== null) {
      throw new AuthenticationError(`API token '${row.name}' was revoked; create a new one`);
    }
    if (Number(row.expires_at) <= now) {
      throw new AuthenticationError(
        `API token '${row.name}' expired at ${iso(row.expires_at)}; create a new one`,
      );
    }
    if (row.last_used_at === null || Number(row.last_used_at) + lastUsedResolutionMs <= now) {
      await this.#knex(table).where('id', id).update({ last_used_at: now });
      row.last_used_at = now;
    }
    return toInfo(row);
  }
}
