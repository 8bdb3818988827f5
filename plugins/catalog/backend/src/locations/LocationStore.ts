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
  /** `optional`: a missing target is not an error. */
  presence?: 'required' | 'optional';
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
  presence: 'required' | 'optional' | null;
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
    presence: row.presence ?? undefined,
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

/** What one file of a location produced in its last refresh. */
export interface LocationFileRecord {
  /** `type:target` of the file. */
  fileKey: string;
  /** Hash of its content and placeholders; null when its last read had errors, so it is read again. */
  contentHash: string | null;
  /** Refs of the entities it emitted. */
  entityRefs: string[];
}

/** The catalog's `locations`, `location_files` and `location_orphans` tables (migrations in `backend/migrations`). */
export class LocationStore {
  constructor(private readonly knex: Knex) {}

  /** Adds a location; `ConflictError` when `type:target` is already there. */
  async create(spec: {
    type: string;
    target: string;
    origin: 'config' | 'api';
    rules?: CatalogRule[];
    presence?: 'required' | 'optional';
    /** The id to use instead of a new one: `PUT /locations/:id` replaces a location under its id. */
    id?: string;
  }): Promise<LocationRecord> {
    const key = `${spec.type}:${spec.target}`;
    const row = {
      id: spec.id ?? randomUUID(),
      type: spec.type,
      target: spec.target,
      location_key: key,
      entity_ref: generatedLocationEntityRef(spec.type, spec.target),
      origin: spec.origin,
      rules: spec.rules ? JSON.stringify(spec.rules) : null,
      presence: spec.presence ?? null,
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
    await this.knex.transaction(async (trx) => {
      await trx('location_files').where({ location_id: id }).delete();
      await trx('locations').where({ id }).delete();
    });
  }

  /** The content hash of every file of a location's last refresh, by file key. */
  async listFileHashes(id: string): Promise<Map<string, string>> {
    const rows: Array<{ file_key: string; content_hash: string }> = await this.knex('location_files')
      .where({ location_id: id })
      .whereNotNull('content_hash')
      .select('file_key', 'content_hash');
    return new Map(rows.map((row) => [row.file_key, row.content_hash]));
  }

  /** The refs a file of a location emitted in its last refresh. */
  async getFileRefs(id: string, fileKey: string): Promise<string[]> {
    const row = await this.knex('location_files')
      .where({ location_id: id, file_key: fileKey })
      .first('entity_refs');
    return row ? (JSON.parse(row.entity_refs) as string[]) : [];
  }

  /** Records what files of a location produced, replacing what they produced before. */
  async saveFiles(id: string, files: LocationFileRecord[]): Promise<void> {
    for (let i = 0; i < files.length; i += 100) {
      const rows = files.slice(i, i + 100).map((file) => ({
        location_id: id,
        file_key: file.fileKey,
        content_hash: file.contentHash,
        entity_refs: JSON.stringify(file.entityRefs),
      }));
      await this.knex('location_files')
        .insert(rows)
        .onConflict(['location_id', 'file_key'])
        .merge(['content_hash', 'entity_refs']);
    }
  }

  /** Forgets the files of a location that its last refresh no longer reached. */
  async deleteFilesExcept(id: string, fileKeys: Set<string>): Promise<void> {
    const rows: Array<{ file_key: string }> = await this.knex('location_files')
      .where({ location_id: id })
      .select('file_key');
    const gone = rows.map((row) => row.file_key).filter((key) => !fileKeys.has(key));
    for (let i = 0; i < gone.length; i += 500) {
      await this.knex('location_files')
        .where({ location_id: id })
        .whereIn('file_key', gone.slice(i, i + 500))
        .delete();
    }
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
