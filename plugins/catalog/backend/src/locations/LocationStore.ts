import { randomUUID } from 'node:crypto';
import { ConflictError } from '@atrium/plugin-api';
import type { Knex } from 'knex';
import type { CatalogRule } from './CatalogRule';
import { generatedLocationEntityRef } from './generatedLocationEntityRef';
import type { Location } from './Location';
import type { LocationStatus, LocationStatusError } from './LocationStatus';

/** A location row with the state of its last refresh. */
export interface LocationRecord extends Location {
  /** `type:target`, the `source` its entities carry in the store. */
  key: string;
  origin: 'config' | 'api';
  rules?: CatalogRule[];
  contentHash?: string;
  etags: Record<string, string>;
  status: LocationStatus;
}

interface Row {
  id: string;
  type: string;
  target: string;
  location_key: string;
  entity_ref: string;
  origin: 'config' | 'api';
  rules: string | null;
  content_hash: string | null;
  etags: string | null;
  entities_read: number | string;
  errors: string | null;
  last_refresh_at: number | string | null;
  last_success_at: number | string | null;
  in_progress: boolean | number;
}

function iso(value: number | string | null): string | undefined {
  return value === null ? undefined : new Date(Number(value)).toISOString();
}

function toRecord(row: Row): LocationRecord {
  return {
    id: row.id,
    type: row.type,
    target: row.target,
    entityRef: row.entity_ref,
    key: row.location_key,
    origin: row.origin,
    rules: row.rules ? (JSON.parse(row.rules) as CatalogRule[]) : undefined,
    contentHash: row.content_hash ?? undefined,
    etags: row.etags ? (JSON.parse(row.etags) as Record<string, string>) : {},
    status: {
      id: row.id,
      type: row.type,
      target: row.target,
      origin: row.origin,
      entitiesRead: Number(row.entities_read),
      errors: row.errors ? (JSON.parse(row.errors) as LocationStatusError[]) : [],
      lastRefreshAt: iso(row.last_refresh_at),
      lastSuccessAt: iso(row.last_success_at),
      inProgress: Boolean(row.in_progress),
    },
  };
}

/** The catalog's `locations` and `location_orphans` tables (migrations in `backend/migrations`). */
export class LocationStore {
  constructor(private readonly knex: Knex) {}

  /** Adds a location; `ConflictError` when `type:target` is already there. */
  async create(spec: {
    type: string;
    target: string;
    origin: 'config' | 'api';
    rules?: CatalogRule[];
  }): Promise<LocationRecord> {
    const key = `${spec.type}:${spec.target}`;
    const row = {
      id: randomUUID(),
      type: spec.type,
      target: spec.target,
      location_key: key,
      entity_ref: generatedLocationEntityRef(spec.type, spec.target),
      origin: spec.origin,
      rules: spec.rules ? JSON.stringify(spec.rules) : null,
    };
    const inserted = await this.knex('locations')
      .insert(row)
      .onConflict('location_key')
      .ignore()
      .returning('id');
    if (inserted.length === 0) {
      throw new ConflictError(`Location ${key} already exists`);
    }
    return (await this.getById(row.id)) as LocationRecord;
  }

  /** Every location, or those of one origin, oldest first by key. */
  async list(origin?: 'config' | 'api'): Promise<LocationRecord[]> {
    const query = this.knex<Row>('locations').orderBy('location_key');
    const rows = origin ? await query.where({ origin }) : await query;
    return rows.map(toRecord);
  }

  async getById(id: string): Promise<LocationRecord | undefined> {
    const row = await this.knex<Row>('locations').where({ id }).first();
    return row ? toRecord(row) : undefined;
  }

  async getByKey(key: string): Promise<LocationRecord | undefined> {
    const row = await this.knex<Row>('locations').where({ location_key: key }).first();
    return row ? toRecord(row) : undefined;
  }

  /** Replaces the rules of a config location (config may change between boots). */
  async setRules(id: string, rules: CatalogRule[] | undefined): Promise<void> {
    await this.knex('locations')
      .where({ id })
      .update({ rules: rules ? JSON.stringify(rules) : null });
  }

  async delete(id: string): Promise<void> {
    await this.knex('locations').where({ id }).delete();
  }

  async startRefresh(id: string): Promise<void> {
    await this.knex('locations').where({ id }).update({ in_progress: true, entities_read: 0 });
  }

  async reportProgress(id: string, entitiesRead: number): Promise<void> {
    await this.knex('locations').where({ id }).update({ entities_read: entitiesRead });
  }

  /** Records the outcome of a refresh; the hash and etags are kept only after a clean read. */
  async finishRefresh(
    id: string,
    outcome: {
      at: number;
      entitiesRead?: number;
      errors: LocationStatusError[];
      contentHash?: string;
      etags?: Record<string, string>;
    },
  ): Promise<void> {
    const clean = outcome.errors.length === 0;
    await this.knex('locations')
      .where({ id })
      .update({
        in_progress: false,
        errors: JSON.stringify(outcome.errors),
        last_refresh_at: outcome.at,
        ...(outcome.entitiesRead !== undefined ? { entities_read: outcome.entitiesRead } : {}),
        ...(clean ? { last_success_at: outcome.at } : {}),
        content_hash: clean ? (outcome.contentHash ?? null) : null,
        etags: clean && outcome.etags ? JSON.stringify(outcome.etags) : null,
      });
  }

  /** Starts the orphan clock of refs not already on it. */
  async markOrphans(refs: string[], locationKey: string, at: number): Promise<void> {
    for (let i = 0; i < refs.length; i += 500) {
      const rows = refs
        .slice(i, i + 500)
        .map((entity_ref) => ({ entity_ref, location_key: locationKey, orphaned_at: at }));
      await this.knex('location_orphans').insert(rows).onConflict('entity_ref').ignore();
    }
  }

  async clearOrphans(refs: string[]): Promise<void> {
    for (let i = 0; i < refs.length; i += 500) {
      await this.knex('location_orphans')
        .whereIn('entity_ref', refs.slice(i, i + 500))
        .delete();
    }
  }

  /** Orphans whose clock started at or before `before`. */
  async listOrphans(before: number): Promise<Array<{ entityRef: string; locationKey: string }>> {
    const rows = await this.knex('location_orphans').where('orphaned_at', '<=', before).select();
    return rows.map((row: { entity_ref: string; location_key: string }) => ({
      entityRef: row.entity_ref,
      locationKey: row.location_key,
    }));
  }
}
