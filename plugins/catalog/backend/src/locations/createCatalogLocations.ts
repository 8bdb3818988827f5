import { resolve } from 'node:path';
import type {
  ConfigService,
  DatabaseService,
  Entity,
  EntityRelationSpec,
  EntityStoreService,
  LoggerService,
  SchedulerService,
  UrlReaderService,
} from '@atrium/plugin-api';
import type { Router } from 'express';
import type { CatalogAccess } from '../permissions';
import type { CatalogLocationsConfig } from './CatalogLocationsConfig';
import { createLocationEngine } from './createLocationEngine';
import { createLocationsRouter } from './createLocationsRouter';
import type { EntityValidator } from './EntityValidator';
import type { LocationEngine } from './LocationEngine';
import { LocationStore } from './LocationStore';
import { parseDurationMs } from './parseDurationMs';
import { DEFAULT_YAML_LIMITS } from './YamlLimits';

/** The locations part of the catalog, wired. */
export interface CatalogLocations {
  /** The location endpoints, to mount on the catalog's router. */
  router: Router;
  /** refreshEntity (for `POST /refresh`), status, refreshAll. */
  engine: LocationEngine;
}

/** The scheduled task that refreshes every location. */
export const REFRESH_TASK_ID = 'refresh-locations';

/**
 * Migrates the catalog's `locations` tables, registers the config locations
 * (`file` ones resolved against `cwd`), schedules the refresh of every
 * location at `catalog.refreshInterval`, and returns the location endpoints
 * and the engine.
 *
 * @example
 * const locations = await createCatalogLocations({ config, logger, database, store, urlReader, scheduler, cwd: process.cwd() });
 * router.use(locations.router);
 */
export async function createCatalogLocations(options: {
  config: ConfigService;
  logger: LoggerService;
  database: DatabaseService;
  store: EntityStoreService;
  urlReader: UrlReaderService;
  scheduler: SchedulerService;
  /** Folder relative `file` targets in config are resolved against. */
  cwd: string;
  buildRelations?: (entity: Entity) => EntityRelationSpec[];
  validateEntity?: EntityValidator;
  /** The permission checks of the location endpoints. */
  access: CatalogAccess;
}): Promise<CatalogLocations> {
  const { logger, store, scheduler } = options;
  const config = options.config.getOptional<CatalogLocationsConfig>() ?? {};
  await options.database.migrate({ directory: resolve(__dirname, '../../migrations') });
  const knex = await options.database.getClient();
  const locations = new LocationStore(knex);
  // A better-sqlite3 transaction blocks the event loop from start to end: small batches keep requests answered
  // during a large ingestion. PostgreSQL works on its own: large batches, two at once, cost fewer round trips.
  const synchronousWrites = knex.client.config.client === 'better-sqlite3';
  const engine = createLocationEngine({
    batchSize: synchronousWrites ? 200 : 1000,
    writeConcurrency: synchronousWrites ? 1 : 2,
    store,
    locations,
    urlReader: options.urlReader,
    logger,
    buildRelations: options.buildRelations,
    validateEntity: options.validateEntity,
    rules: config.rules,
    limits: { ...DEFAULT_YAML_LIMITS, ...config.limits },
    orphanStrategy: config.orphanStrategy,
    orphanGracePeriodMs: parseDurationMs(config.orphanGracePeriod ?? '0s', 'catalog.orphanGracePeriod'),
  });

  const configured = (config.locations ?? []).map((l) => ({
    ...l,
    target: l.type === 'file' ? resolve(options.cwd, l.target) : l.target,
  }));
  const keys = new Set(configured.map((l) => `${l.type}:${l.target}`));
  for (const record of await locations.list('config')) {
    if (!keys.has(record.key)) {
      await engine.removeLocation(record);
    }
  }
  for (const location of configured) {
    const existing = await locations.getByKey(`${location.type}:${location.target}`);
    if (!existing) {
      await locations.create({ ...location, origin: 'config' });
    } else if (JSON.stringify(existing.rules) !== JSON.stringify(location.rules)) {
      await locations.setRules(existing.id, location.rules);
    }
  }

  await scheduler.schedule({
    id: REFRESH_TASK_ID,
    every: config.refreshInterval ?? '5m',
    run: (signal) => engine.refreshAll(signal),
  });
  const router = createLocationsRouter({
    engine,
    locations,
    store,
    readonly: config.readonly,
    access: options.access,
    fileLocationRoots: config.fileLocationRoots,
    cwd: options.cwd,
    onBackgroundError: (error) => logger.error('A location refresh failed', error),
  });
  return { router, engine };
}
