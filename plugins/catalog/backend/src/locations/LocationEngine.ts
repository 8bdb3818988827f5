import type { Entity } from '@atrium/plugin-api';
import type { LocationSpec } from './LocationSpec';
import type { LocationStatus } from './LocationStatus';
import type { LocationRecord } from './LocationStore';

/** What `POST /analyze-location` answers (Backstage's shape). */
export interface AnalyzeLocationResult {
  existingEntityFiles: Array<{ entity: Entity; isRegistered: boolean; location: LocationSpec }>;
  generateEntities: Array<{ entity: Partial<Entity>; fields: unknown[] }>;
}

/** Reads locations into the entity store and keeps them fresh. */
export interface LocationEngine {
  /** Reads one location and writes what changed; `force` reads even when hash and etags say nothing changed. */
  refreshLocation(
    location: LocationRecord,
    options?: { force?: boolean; signal?: AbortSignal },
  ): Promise<void>;
  /** Refreshes every location, then deletes orphans whose grace period has passed: the scheduled task. */
  refreshAll(signal?: AbortSignal): Promise<void>;
  /** Re-reads the location an entity came from (`POST /refresh`); `NotFoundError` for an unknown entity. */
  refreshEntity(entityRef: string): Promise<void>;
  /** Reads and processes a location in memory, storing nothing; `InputError` listing every problem. */
  dryRun(location: LocationSpec): Promise<Entity[]>;
  /** Reads the catalog file at a URL (`POST /analyze-location`): its entities and whether it is registered. */
  analyzeLocation(target: string, catalogFilename?: string): Promise<AnalyzeLocationResult>;
  /** Deletes a location and every entity it provided. */
  removeLocation(location: LocationRecord): Promise<void>;
  /** Deletes orphans whose grace period has passed. */
  deleteExpiredOrphans(): Promise<void>;
  /** The ingestion status of every location, config ones included. */
  getStatus(): Promise<LocationStatus[]>;
}
