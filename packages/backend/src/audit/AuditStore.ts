import { InputError } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import { migrateWithLock } from '../database';
import type { AuditRecord } from './AuditRecord';
import type { AuditSearch } from './AuditSearch';
import { auditMigrationSource } from './auditMigrationSource';

const table = 'audit_events';
const dayMs = 24 * 60 * 60 * 1000;

interface AuditRow {
  id: string | number;
  at: string | number;
  actor: string;
  via: string | null;
  action: string;
  target: string;
  outcome: 'success' | 'failure';
  status: number;
  request_id: string | null;
  plugin_id: string;
}

function toRecord(row: AuditRow): AuditRecord {
  return {
    id: String(row.id),
    at: new Date(Number(row.at)).toISOString(),
    actor: row.actor,
    ...(row.via === null ? {} : { via: row.via }),
    action: row.action,
    target: row.target,
    outcome: row.outcome,
    status: row.status,
    ...(row.request_id === null ? {} : { requestId: row.request_id }),
    pluginId: row.plugin_id,
  };
}

// A cursor is the id of the last record of the page; opaque so that callers do not build their own.
function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify({ before: id })).toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const { before } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { before?: unknown };
    if (typeof before === 'string' && /^\d{1,19}$/.test(before)) {
      return before;
    }
  } catch {
    // Falls through to the error below: a cursor that is not ours is bad input, whatever its defect.
  }
  throw new InputError('Invalid audit cursor; pass the nextCursor of a previous page unchanged');
}

/** The audit log in the core database: one row per change request through the API. */
export class AuditStore {
  readonly #knex: Knex;

  private constructor(knex: Knex) {
    this.#knex = knex;
  }

  /** Applies the table's migrations; safe with several replicas booting at once. */
  static async create(knex: Knex): Promise<AuditStore> {
    await migrateWithLock(knex, {
      lockName: 'core.audit',
      config: { migrationSource: auditMigrationSource, tableName: 'audit_migrations' },
    });
    return new AuditStore(knex);
  }

  /** Records one request; `actor` is stored lowercase so that searches by ref are case-insensitive. */
  async insert(record: Omit<AuditRecord, 'id' | 'at'> & { at: Date }): Promise<void> {
    await this.#knex(table).insert({
      at: record.at.getTime(),
      actor: record.actor.toLowerCase(),
      via: record.via ?? null,
      action: record.action.slice(0, 512),
      target: record.target.slice(0, 2048),
      outcome: record.outcome,
      status: record.status,
      request_id: record.requestId ?? null,
      plugin_id: record.pluginId,
    });
  }

  /** One page of records matching `search`, newest first. */
  async search(search: AuditSearch): Promise<{ items: AuditRecord[]; nextCursor?: string }> {
    const query = this.#knex<AuditRow>(table).select('*');
    if (search.actor !== undefined) {
      query.where('actor', search.actor.toLowerCase());
    }
    if (search.action !== undefined) {
      query.where('action', search.action);
    }
    if (search.target !== undefined) {
      query.where('target', search.target);
    }
    if (search.outcome !== undefined) {
      query.where('outcome', search.outcome);
    }
    if (search.from !== undefined) {
      query.where('at', '>=', search.from.getTime());
    }
    if (search.to !== undefined) {
      query.where('at', '<', search.to.getTime());
    }
    if (search.cursor !== undefined) {
      query.where('id', '<', decodeCursor(search.cursor));
    }
    // One row more than asked tells whether another page exists without counting.
    const rows = (await query.orderBy('id', 'desc').limit(search.limit + 1)) as AuditRow[];
    const items = rows.slice(0, search.limit).map(toRecord);
    const last = items.at(-1);
    return rows.length > search.limit && last ? { items, nextCursor: encodeCursor(last.id) } : { items };
  }

  /** Deletes records older than `retentionDays`; returns how many. */
  async prune(retentionDays: number, now = new Date()): Promise<number> {
    return this.#knex(table)
      .where('at', '<', now.getTime() - retentionDays * dayMs)
      .delete();
  }
}
