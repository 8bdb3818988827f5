import { createHash } from 'node:crypto';
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
import { createLocationFileProcessor } from './createLocationFileProcessor';
import type { EntityValidator } from './EntityValidator';
import { generatedLocationEntityRef } from './generatedLocationEntityRef';
import { isLocationTreeNotModified } from './isLocationTreeNotModified';
import type { LocationEngine } from './LocationEngine';
import type { LocationStatusError } from './LocationStatus';
import type { LocationFileRecord, LocationRecord, LocationStore } from './LocationStore';
import {
  createGeneratedLocationEntity,
  type ProcessedEntity,
  type ProcessedLocation,
  processLocationEntities,
} from './processLocationEntities';
import { readLocationTree } from './readLocationTree';
import { walkLocationTree } from './walkLocationTree';
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
  /**
   * Entities written per transaction (default 200); progress is logged after each. SQLite writes block the
   * event loop, so a batch there is kept small enough to answer requests between two.
   */
  batchSize?: number;
  /** Batches written at once (default 2): the database writes one while the next is read and processed. */
  writeConcurrency?: number;
  now?: () => number;
}

/** A processed entity waiting in a batch, with the file it came from (none for the generated Location entity). */
type BatchedEntity = ProcessedEntity & { fileKey?: string };

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
  const batchSize = options.batchSize ?? 200;
  const writeConcurrency = options.writeConcurrency ?? 2;
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

  /**
   * Drops entities another location already holds (unless it is an orphan there), with a conflict error each;
   * the files they came from go into `conflicted`.
   */
  const resolveConflicts = async (
    key: string,
    entities: BatchedEntity[],
    errors: LocationStatusError[],
    conflicted: Set<string>,
  ) => {
    const kept: BatchedEntity[] = [];
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
          if (candidate.fileKey) {
            conflicted.add(candidate.fileKey);
          }
        } else {
          kept.push(candidate);
        }
      });
    }
    return kept;
  };

  /**
   * Writes processed files in batches of `batchSize` entities, up to `writeConcurrency` batches at once (the
   * database works while the next files are read and processed). A file is recorded in `location_files` only
   * once every batch up to its last entity is written, so a failed refresh never marks unwritten entities as read.
   */
  const createBatchWriter = (record: LocationRecord, errors: LocationStatusError[], log: LoggerService) => {
    let entities: BatchedEntity[] = [];
    let files: LocationFileRecord[] = [];
    const inFlight = new Set<Promise<void>>();
    let previous: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    let written = 0;
    let batches = 0;
    const write = async (
      batch: BatchedEntity[],
      batchFiles: LocationFileRecord[],
      before: Promise<void>,
      last: boolean,
    ) => {
      const conflicted = new Set<string>();
      const kept = await resolveConflicts(record.key, batch, errors, conflicted);
      if (kept.length > 0) {
        await store.applyMutation({
          upserts: kept.map((e) => ({ entity: e.entity, relations: e.relations, source: record.key })),
        });
      }
      await before;
      // A file with a conflict is read again next time, so that the conflict is reported again.
      await locations.saveFiles(
        record.id,
        batchFiles.map((file) => (conflicted.has(file.fileKey) ? { ...file, contentHash: null } : file)),
      );
      written += kept.length;
      batches++;
      await locations.reportProgress(record.id, written);
      if (!last || batches > 1) {
        log.info(`Location ${record.key}: ${written} entities written so far`);
      }
      // SQLite writes are synchronous: give waiting HTTP requests a turn between batches.
      await setImmediate();
    };
    const flush = async (last: boolean) => {
      while (inFlight.size >= writeConcurrency && !failure) {
        await Promise.race(inFlight);
      }
      if (failure) {
        throw failure.error;
      }
      const batch = entities;
      const batchFiles = files;
      entities = [];
      files = [];
      if (batch.length === 0 && batchFiles.length === 0) {
        return;
      }
      const task = write(batch, batchFiles, previous, last);
      previous = task;
      inFlight.add(task);
      task.then(
        () => inFlight.delete(task),
        (error: unknown) => {
          failure ??= { error };
          inFlight.delete(task);
        },
      );
    };
    return {
      /** Adds a file's entities (`fileKey` undefined for the generated Location entity). */
      async add(fileKey: string | undefined, contentHash: string | null, processed: ProcessedEntity[]) {
        for (const entity of processed) {
          entities.push({ ...entity, fileKey });
          if (entities.length >= batchSize) {
            await flush(false);
          }
        }
        // Recorded with the batch that holds its last entity, so a file counts as read only once all of it is written.
        if (fileKey !== undefined) {
          files.push({ fileKey, contentHash, entityRefs: processed.map((e) => e.ref) });
        }
      },
      /** Writes what is left; the number of entities written. */
      async finish(): Promise<number> {
        await flush(true);
        await previous;
        return written;
      },
    };
  };

  /** Refs the store holds from a location that its refresh did not claim, page by page. */
  const listMissingRefs = async (source: string, claimed: (ref: string) => boolean): Promise<string[]> => {
    const missing: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await store.listProvided({ source, cursor, limit: 1000 });
      for (const item of page.items) {
        if (!claimed(item.entityRef)) {
          missing.push(item.entityRef);
        }
      }
      cursor = page.nextCursor;
    } while (cursor);
    return missing;
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

  const processedLocation = (record: LocationRecord): ProcessedLocation => ({
    type: record.type,
    target: record.target,
    key: record.key,
    entityRef: record.entityRef,
    origin: record.origin,
    rules: record.rules,
    presence: record.presence,
  });

  /**
   * Reads a location's tree file by file and writes each batch as soon as it
   * is full, so memory holds a few files and one batch, never the whole tree.
   * A file whose content hash matches its last clean refresh is not written
   * again; its refs come from `location_files`. Orphans are what the store
   * holds from this location and no file claimed.
   */
  const run = async (record: LocationRecord, force: boolean, signal?: AbortSignal): Promise<void> => {
    const log = logger.child({ location: record.key });
    await locations.startRefresh(record.id);
    try {
      if (!force && (await isLocationTreeNotModified(record.etags, { urlReader, signal }))) {
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
      const location = processedLocation(record);
      const previous = force ? new Map<string, string>() : await locations.listFileHashes(record.id);
      const processor = createLocationFileProcessor(location, processors);
      const errors: LocationStatusError[] = [];
      const visited = new Set<string>();
      const treeHash = createHash('sha256');
      // The rules decide what a file yields as much as its text does: a change of rules reads every file again.
      const rulesText = JSON.stringify([options.rules ?? null, record.rules ?? null]);
      const stamp = (hash: string) => createHash('sha256').update(hash).update(rulesText).digest('hex');
      const writer = createBatchWriter(record, errors, log);
      const walk = walkLocationTree(location, { urlReader, limits, signal });
      let entitiesRead = 0;
      for await (const file of walk.files) {
        visited.add(file.key);
        const fileHash = file.hash === '' ? '' : stamp(file.hash);
        treeHash.update(fileHash).update('\u0000');
        if (file.errors.length === 0 && fileHash !== '' && previous.get(file.key) === fileHash) {
          const refs = await locations.getFileRefs(record.id, file.key);
          if (processor.claim(refs)) {
            entitiesRead += refs.length;
            continue;
          }
        }
        const processed = processor.process(file);
        errors.push(...processed.errors);
        entitiesRead += processed.entities.length;
        const clean = file.errors.length === 0 && processed.errors.length === 0;
        await writer.add(file.key, clean && fileHash !== '' ? fileHash : null, processed.entities);
      }
      const contentHash = treeHash.digest('hex');
      const generated = createGeneratedLocationEntity(location);
      // The generated entity changes only with the errors: written on a first or forced read, with errors, and after them.
      if (force || errors.length > 0 || record.contentHash === undefined || record.status.errors.length > 0) {
        const entity =
          errors.length > 0
            ? // Backstage shows a location's read errors on its Location entity.
              { ...generated, status: { items: statusItems(errors) } }
            : generated;
        await writer.add(undefined, null, [
          { ref: location.entityRef, entity, relations: relationsOf(entity) },
        ]);
      }
      entitiesRead++;
      const written = await writer.finish();
      if (written > 0) {
        log.info(`Location ${record.key}: ${written} entities written, ${entitiesRead - written} unchanged`);
      }
      const orphans = await locations.listOrphans(Number.MAX_SAFE_INTEGER);
      await locations.clearOrphans(orphans.map((o) => o.entityRef).filter((ref) => processor.has(ref)));
      const missing = await listMissingRefs(record.key, processor.has);
      await handleMissing(record, missing, errors);
      await locations.deleteFilesExcept(record.id, visited);
      await locations.finishRefresh(record.id, {
        at: now(),
        entitiesRead,
        errors,
        contentHash,
        etags: walk.etags(),
      });
      for (const error of errors) {
        log.warn(`Location ${record.key}: ${error.message}`);
      }
      log.info(`Location ${record.key}: ${entitiesRead} entities read, ${errors.length} errors`);
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
      const processed = processLocationEntities(
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
      // Page by page, so a large location's refs are never all in memory; the cursor survives the deletes.
      let cursor: string | undefined;
      do {
        const page = await store.listProvided({ source: record.key, cursor, limit: batchSize });
        const refs = page.items.map((item) => item.entityRef);
        if (refs.length > 0) {
          await store.applyMutation({ deletes: refs });
          await locations.clearOrphans(refs);
        }
        cursor = page.nextCursor;
      } while (cursor);
      await locations.delete(record.id);
    },
    deleteExpiredOrphans,
    async getStatus() {
      return (await locations.list()).map((record) => record.status);
    },
  };
}
