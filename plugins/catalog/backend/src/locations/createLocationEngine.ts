import { setImmediate } from 'node:timers/promises';
import {
  type Entity,
  type EntityRelationSpec,
  type EntityStatusItem,
  type EntityStoreService,
  type EntityUpsert,
  InputError,
  type LoggerService,
  NotFoundError,
  stringifyEntityRef,
  type UrlReaderService,
} from '@atrium/plugin-api';
import { createKindRegistry } from '../model';
import type { CatalogRule } from './CatalogRule';
import { createCatalogRulesEnforcer } from './createCatalogRulesEnforcer';
import type { EntityValidator } from './EntityValidator';
import { generatedLocationEntityRef } from './generatedLocationEntityRef';
import type { LocationEngine } from './LocationEngine';
import type { LocationStatusError } from './LocationStatus';
import type { LocationRecord, LocationStore } from './LocationStore';
import { type ProcessedEntity, processLocationEntities } from './processLocationEntities';
import { readLocationTree } from './readLocationTree';
import { DEFAULT_YAML_LIMITS, type YamlLimits } from './YamlLimits';

/** What {@link createLocationEngine} needs. */
export interface LocationEngineOptions {
  store: EntityStoreService;
  locations: LocationStore;
  urlReader: UrlReaderService;
  logger: LoggerService;
  /** The relations an entity's fields make; defaults to the built-in kinds' fields. */
  buildRelations?: (entity: Entity) => EntityRelationSpec[];
  /** Lists what is wrong with a document (the kind registry's `validate`); an invalid entity is not stored. */
  validateEntity?: EntityValidator;
  /** `catalog.rules`. */
  rules?: CatalogRule[];
  limits?: YamlLimits;
  /** `catalog.orphanStrategy`: delete (default) or keep. */
  orphanStrategy?: 'keep' | 'delete';
  /** `catalog.orphanGracePeriod` in ms: how long an orphan stays (annotated) before deletion. */
  orphanGracePeriodMs?: number;
  /** Entities written per transaction; progress is logged after each. */
  batchSize?: number;
  now?: () => number;
}

const PROCESSING = 'backstage.io/catalog-processing';
const ORPHAN = 'backstage.io/orphan';
const ORIGIN = 'backstage.io/managed-by-origin-location';

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    out.push(items.slice(i, i + size));
  }
  return out;
}

function statusItems(errors: LocationStatusError[]): EntityStatusItem[] {
  return errors.slice(0, 20).map((error) => ({
    type: PROCESSING,
    level: 'error',
    message: `${error.name}: ${error.message}`,
    error: { name: error.name, message: error.message },
  }));
}

function withoutServerFields(entity: Entity): Entity {
  const { relations: _relations, status: _status, ...rest } = entity;
  const { uid: _uid, etag: _etag, ...metadata } = rest.metadata;
  return { ...rest, metadata };
}

/**
 * Creates the ingestion engine: reads locations through the urlReader (or
 * from disk for config `file` locations), writes their entities with the
 * location key as `source`, and handles the fault paths. A run with errors
 * writes what read cleanly and keeps every other entity of the location
 * with the error in `status.items`; a clean run turns entities no longer
 * emitted into orphans. An entity another location already provides stays
 * with it, and the newcomer gets a conflict error on its status.
 */
export function createLocationEngine(options: LocationEngineOptions): LocationEngine {
  const { store, locations, urlReader, logger } = options;
  const limits = options.limits ?? DEFAULT_YAML_LIMITS;
  const now = options.now ?? Date.now;
  const batchSize = options.batchSize ?? 1000;
  const orphanStrategy = options.orphanStrategy ?? 'delete';
  const graceMs = options.orphanGracePeriodMs ?? 0;
  const builtinKinds = createKindRegistry();
  const processors = {
    isAllowed: createCatalogRulesEnforcer(options.rules),
    buildRelations: options.buildRelations ?? ((entity: Entity) => builtinKinds.relationsOf(entity)),
    validateEntity: options.validateEntity,
  };
  const running = new Map<string, Promise<void>>();

  const relationsOf = (entity: Entity): EntityRelationSpec[] => {
    try {
      return processors.buildRelations(entity);
    } catch {
      return [];
    }
  };

  const listProvidedRefs = async (source: string): Promise<string[]> => {
    const refs: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listProvided({ source, cursor, limit: 1000 });
      refs.push(...page.items.map((item) => item.entityRef));
      cursor = page.nextCursor;
    } while (cursor);
    return refs;
  };

  /** Rewrites stored entities of a location through `change`, keeping their content otherwise. */
  const rewrite = async (refs: string[], source: string, change: (entity: Entity) => Entity | undefined) => {
    for (const batch of chunks(refs, 500)) {
      const upserts: EntityUpsert[] = [];
      for (const stored of await store.getByRefs(batch)) {
        const next = stored ? change(withoutServerFields(stored)) : undefined;
        if (next) {
          upserts.push({ entity: next, relations: relationsOf(next), source });
        }
      }
      await store.applyMutation({ upserts });
    }
  };

  /** Drops entities another location already holds (unless it is an orphan there), with a conflict error each. */
  const resolveConflicts = async (
    key: string,
    entities: ProcessedEntity[],
    errors: LocationStatusError[],
  ) => {
    const kept: ProcessedEntity[] = [];
    for (const batch of chunks(entities, 1000)) {
      const existing = await store.getByRefs(
        batch.map((e) => e.ref),
        { fields: ['metadata.annotations'] },
      );
      batch.forEach((candidate, i) => {
        const annotations = existing[i]?.metadata?.annotations;
        const holder = annotations?.[ORIGIN];
        if (existing[i] && holder !== key && annotations?.[ORPHAN] !== 'true') {
          errors.push({
            name: 'ConflictError',
            message: `Entity ${candidate.ref} is already provided by location ${holder ?? 'another provider'}; ${key} may not claim it`,
          });
        } else {
          kept.push(candidate);
        }
      });
    }
    return kept;
  };

  const handleMissing = async (
    record: LocationRecord,
    missing: string[],
    errors: LocationStatusError[],
  ): Promise<void> => {
    if (missing.length === 0) {
      return;
    }
    if (errors.length > 0) {
      const items = statusItems(errors);
      await rewrite(missing, record.key, (entity) => ({ ...entity, status: { items } }));
      return;
    }
    if (orphanStrategy === 'delete' && graceMs === 0) {
      for (const batch of chunks(missing, batchSize)) {
        await store.applyMutation({ deletes: batch });
      }
      logger.info(`Location ${record.key}: deleted ${missing.length} orphaned entities`);
      return;
    }
    await rewrite(missing, record.key, (entity) =>
      entity.metadata.annotations?.[ORPHAN] === 'true'
        ? undefined
        : {
            ...entity,
            metadata: {
              ...entity.metadata,
              annotations: { ...entity.metadata.annotations, [ORPHAN]: 'true' },
            },
          },
    );
    if (orphanStrategy === 'delete') {
      await locations.markOrphans(missing, record.key, now());
    }
    logger.info(
      `Location ${record.key}: ${missing.length} entities are orphans (strategy ${orphanStrategy})`,
    );
  };

  const run = async (record: LocationRecord, force: boolean, signal?: AbortSignal): Promise<void> => {
    const log = logger.child({ location: record.key });
    await locations.startRefresh(record.id);
    try {
      const tree = await readLocationTree(record, {
        urlReader,
        limits,
        etags: force ? undefined : record.etags,
        signal,
      });
      const unchanged =
        tree.notModified || (tree.errors.length === 0 && !force && tree.hash === record.contentHash);
      if (unchanged) {
        await locations.finishRefresh(record.id, {
          at: now(),
          entitiesRead: record.status.entitiesRead,
          errors: [],
          contentHash: record.contentHash,
          etags: record.etags,
        });
        log.debug(`Location ${record.key} is unchanged`);
        return;
      }
      const processed = await processLocationEntities(record, tree, processors);
      const errors = processed.errors;
      const entities = await resolveConflicts(record.key, processed.entities, errors);
      const generated = entities.find((e) => e.ref === record.entityRef);
      if (generated && errors.length > 0) {
        // Backstage shows a location's read errors on its Location entity.
        generated.entity = { ...generated.entity, status: { items: statusItems(errors) } };
      }
      let written = 0;
      for (const batch of chunks(entities, batchSize)) {
        await store.applyMutation({
          upserts: batch.map((e) => ({ entity: e.entity, relations: e.relations, source: record.key })),
        });
        written += batch.length;
        await locations.reportProgress(record.id, written);
        if (entities.length > batchSize) {
          log.info(`Location ${record.key}: ${written} of ${entities.length} entities written`);
        }
        // SQLite writes are synchronous: give waiting HTTP requests a turn between batches.
        await setImmediate();
      }
      const emitted = new Set(entities.map((e) => e.ref));
      const orphans = await locations.listOrphans(Number.MAX_SAFE_INTEGER);
      await locations.clearOrphans(orphans.map((o) => o.entityRef).filter((ref) => emitted.has(ref)));
      const missing = (await listProvidedRefs(record.key)).filter((ref) => !emitted.has(ref));
      await handleMissing(record, missing, errors);
      await locations.finishRefresh(record.id, {
        at: now(),
        entitiesRead: written,
        errors,
        contentHash: tree.hash,
        etags: tree.etags,
      });
      for (const error of errors) {
        log.warn(`Location ${record.key}: ${error.message}`);
      }
      log.info(`Location ${record.key}: ${written} entities read, ${errors.length} errors`);
    } catch (error) {
      await locations.finishRefresh(record.id, {
        at: now(),
        errors: [{ name: (error as Error).name, message: `${record.key}: ${(error as Error).message}` }],
      });
      log.error(`Location ${record.key} could not be refreshed`, error as Error);
    }
  };

  const refreshLocation: LocationEngine['refreshLocation'] = async (record, refreshOptions = {}) => {
    // One refresh per location at a time in this process; a second caller waits and then reads again.
    const previous = running.get(record.id) ?? Promise.resolve();
    const next = previous.then(async () => {
      const fresh = (await locations.getById(record.id)) ?? record;
      await run(fresh, refreshOptions.force ?? false, refreshOptions.signal);
    });
    running.set(record.id, next);
    try {
      await next;
    } finally {
      if (running.get(record.id) === next) {
        running.delete(record.id);
      }
    }
  };

  const deleteExpiredOrphans = async () => {
    if (orphanStrategy === 'keep') {
      return;
    }
    const expired = await locations.listOrphans(now() - graceMs);
    for (const batch of chunks(expired, 500)) {
      const refs = batch.map((o) => o.entityRef);
      const stored = await store.getByRefs(refs, { fields: ['metadata.annotations'] });
      const deletes = refs.filter((_, i) => stored[i]?.metadata?.annotations?.[ORPHAN] === 'true');
      await store.applyMutation({ deletes });
      await locations.clearOrphans(refs);
      if (deletes.length > 0) {
        logger.info(`Deleted ${deletes.length} orphaned entities after their grace period`);
      }
    }
  };

  return {
    refreshLocation,
    async refreshAll(signal) {
      for (const record of await locations.list()) {
        if (signal?.aborted) {
          return;
        }
        await refreshLocation(record, { signal });
      }
      await deleteExpiredOrphans();
    },
    async refreshEntity(entityRef) {
      const ref = stringifyEntityRef(entityRef);
      const entity = await store.getByRef(ref, { fields: ['metadata.annotations'] });
      if (!entity) {
        throw new NotFoundError(`Entity '${ref}' not found`);
      }
      const origin = entity.metadata?.annotations?.[ORIGIN];
      const record = origin ? await locations.getByKey(origin) : undefined;
      if (record) {
        await refreshLocation(record, { force: true });
      }
    },
    async dryRun(spec) {
      const key = `${spec.type}:${spec.target}`;
      const tree = await readLocationTree(spec, { urlReader, limits });
      const processed = await processLocationEntities(
        { ...spec, key, origin: 'api', entityRef: generatedLocationEntityRef(spec.type, spec.target) },
        tree,
        processors,
      );
      if (processed.errors.length > 0) {
        throw new InputError(processed.errors.map((e) => e.message).join('; '));
      }
      return processed.entities.map(({ entity, relations }) => ({
        ...entity,
        relations: relations.map(({ type, targetRef }) => ({ type, targetRef })),
      }));
    },
    async analyzeLocation(target, catalogFilename = 'catalog-info.yaml') {
      let url: URL | undefined;
      try {
        url = new URL(target);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
        throw new InputError('The given location.target is not a URL');
      }
      const fileUrl = /\.ya?ml$/i.test(url.pathname)
        ? url.href
        : new URL(catalogFilename, url.href.endsWith('/') ? url.href : `${url.href}/`).href;
      const location = { type: 'url', target: fileUrl };
      const tree = await readLocationTree(location, { urlReader, limits });
      const fatal = tree.errors.find(
        (e) => e.location.target === fileUrl && e.error.name !== 'NotFoundError',
      );
      if (fatal) {
        throw new InputError(`Could not analyze ${fileUrl}: ${fatal.error.message}`, { cause: fatal.error });
      }
      const isRegistered = (await locations.getByKey(`url:${fileUrl}`)) !== undefined;
      return {
        existingEntityFiles: tree.entities
          .filter((e) => e.location.target === fileUrl)
          .map(({ entity }) => ({ entity, isRegistered, location })),
        generateEntities: [],
      };
    },
    async removeLocation(record) {
      const refs = await listProvidedRefs(record.key);
      for (const batch of chunks(refs, batchSize)) {
        await store.applyMutation({ deletes: batch });
      }
      await locations.clearOrphans(refs);
      await locations.delete(record.id);
    },
    deleteExpiredOrphans,
    async getStatus() {
      return (await locations.list()).map((record) => record.status);
    },
  };
}
