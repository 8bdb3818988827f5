import {
  ConflictError,
  type EntityPredicate,
  type EntityStoreService,
  InputError,
  NotAllowedError,
  NotFoundError,
  stringifyEntityRef,
} from '@atrium/plugin-api';
import Ajv from 'ajv';
import { type Request, Router } from 'express';
import {
  type CatalogAccess,
  catalogEntityValidatePermission,
  catalogFileLocationCreatePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
  catalogLocationReadPermission,
  catalogLocationUpdatePermission,
} from '../permissions';
import { generateComponentEntity } from './generateComponentEntity';
import { generatedLocationEntityRef } from './generatedLocationEntityRef';
import type { Location } from './Location';
import type { LocationEngine } from './LocationEngine';
import type { LocationRecord, LocationStore } from './LocationStore';
import { matchesLocationPredicate } from './matchesLocationPredicate';
import { resolveFileLocationTarget } from './resolveFileLocationTarget';

type Validator<T> = ReturnType<typeof Ajv.prototype.compile<T>>;

function createValidators() {
  const ajv = new Ajv({ allErrors: true });
  return {
    location: ajv.compile<{ type: string; target: string; presence?: 'optional' | 'required' }>({
      type: 'object',
      additionalProperties: false,
      required: ['type', 'target'],
      properties: {
        type: { type: 'string', minLength: 1 },
        target: { type: 'string', minLength: 1 },
        presence: { enum: ['optional', 'required'] },
      },
    }),
    query: ajv.compile<{ limit?: number; query?: EntityPredicate; cursor?: string }>({
      type: 'object',
      additionalProperties: false,
      properties: {
        limit: { type: 'integer', minimum: 1 },
        query: { type: 'object' },
        cursor: { type: 'string', minLength: 1 },
      },
    }),
    analyze: ajv.compile<{
      location: { type: string; target: string };
      catalogFilename?: string;
      catalogFileName?: string;
    }>({
      type: 'object',
      required: ['location'],
      properties: {
        location: {
          type: 'object',
          required: ['type', 'target'],
          properties: { type: { type: 'string' }, target: { type: 'string' } },
        },
        catalogFilename: { type: 'string', minLength: 1 },
        catalogFileName: { type: 'string', minLength: 1 },
      },
    }),
  };
}

function parseBody<T>(validate: Validator<T>, req: Request): T {
  if (!validate(req.body)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
    throw new InputError(`Malformed request body: ${problems}`);
  }
  return req.body as T;
}

function toLocation(record: LocationRecord): Location {
  return { id: record.id, type: record.type, target: record.target, entityRef: record.entityRef };
}

/** Page size of `POST /locations/by-query` when none is asked for, and the largest (Backstage's default). */
const maxLocationsPage = 1000;

/** Where a `POST /locations/by-query` page continues: its query, its size, and the last location key served. */
interface LocationsCursor {
  query?: EntityPredicate;
  limit: number;
  after: string;
}

function encodeLocationsCursor(cursor: LocationsCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeLocationsCursor(text: string): LocationsCursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as LocationsCursor;
    if (typeof cursor.after === 'string' && Number.isSafeInteger(cursor.limit)) {
      return cursor;
    }
  } catch (error) {
    throw new InputError(`Malformed cursor: ${text}`, { cause: error });
  }
  throw new InputError(`Malformed cursor: ${text}`);
}

/** Orders keys by code point, the same on every database. */
const byKey = (a: LocationRecord, b: LocationRecord) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The location endpoints of Backstage's catalog API: `POST /locations` (with
 * `dryRun`), `GET /locations`, `GET|DELETE /locations/:id`,
 * `GET /locations/:id/status`, `GET /locations/by-entity/:kind/:namespace/:name`,
 * `POST /locations/by-query`, `PUT /locations/:id` and `POST /analyze-location`
 * (which proposes a Component for a repository without a catalog file). Only locations registered through the API are
 * visible; config locations are managed in config. Each route checks its
 * `catalog.location.*` permission; a `file` location also needs
 * `catalog.file-location.create` and a target under `fileLocationRoots`.
 */
export function createLocationsRouter(options: {
  engine: LocationEngine;
  locations: LocationStore;
  store: EntityStoreService;
  /** Types `POST /locations` accepts besides `file` (allowed only with `fileLocationRoots`); Backstage's default is `url` only. */
  allowedLocationTypes?: string[];
  /** `catalog.readonly`: registering (except dry runs) and deleting locations answer 403. */
  readonly?: boolean;
  /** Called with a refresh that failed after the response was sent. */
  onBackgroundError?: (error: Error) => void;
  /** The caller's permissions. */
  access: CatalogAccess;
  /** `catalog.fileLocationRoots`: the folders `file` locations may be registered from; none by default. */
  fileLocationRoots?: string[];
  /** Folder relative file targets and roots are resolved against. */
  cwd: string;
}): Router {
  const { engine, locations, store, access, cwd } = options;
  const fileLocationRoots = options.fileLocationRoots ?? [];
  const allowed = [
    ...(options.allowedLocationTypes ?? ['url']).filter((type) => type !== 'file'),
    ...(fileLocationRoots.length > 0 ? ['file'] : []),
  ];
  const router = Router();
  const validators = createValidators();

  const findApiLocation = async (id: string): Promise<LocationRecord> => {
    const record = await locations.getById(id);
    if (record?.origin !== 'api') {
      throw new NotFoundError(`Found no location with ID ${id}`);
    }
    return record;
  };

  const assertWritable = () => {
    if (options.readonly) {
      throw new NotAllowedError('This operation not allowed in readonly mode');
    }
  };
  const refreshInBackground = (record: LocationRecord) => {
    engine
      .refreshLocation(record, { force: true })
      .catch((error: Error) => options.onBackgroundError?.(error));
  };

  /** The real path of a `file` target the caller may register; 403 otherwise. */
  const authorizedFileTarget = async (req: Request, target: string): Promise<string> => {
    await access.authorize(req, catalogFileLocationCreatePermission);
    return resolveFileLocationTarget(target, fileLocationRoots, cwd);
  };

  /** The target to store for a location of `type`: checked, and for `file` the real path the caller may register. */
  const checkedTarget = async (req: Request, type: string, target: string): Promise<string> => {
    if (!allowed.includes(type)) {
      throw new InputError(`Registered locations must be of an allowed type ${JSON.stringify(allowed)}`);
    }
    if (type === 'url' && !/^https?:\/\/[^/]/i.test(target)) {
      throw new InputError(`Location target '${target}' is not an http(s) URL`);
    }
    return type === 'file' ? authorizedFileTarget(req, target) : target;
  };

  router.post('/locations', async (req, res) => {
    const body = parseBody(validators.location, req);
    const { type, presence } = body;
    await access.authorize(req, catalogLocationCreatePermission);
    const target = await checkedTarget(req, type, body.target);
    const key = `${type}:${target}`;
    if (req.query.dryRun === 'true') {
      const existing = await locations.getByKey(key);
      const entities = await engine.dryRun({ type, target, ...(presence ? { presence } : {}) });
      res.status(201).json({
        location: { id: key, type, target, entityRef: generatedLocationEntityRef(type, target) },
        entities,
        exists: existing !== undefined,
      });
      return;
    }
    assertWritable();
    const existing = await locations.getByKey(key);
    if (existing?.origin === 'api' && req.query.onConflict === 'refresh') {
      refreshInBackground(existing);
      res.status(201).json({ location: toLocation(existing), entities: [], exists: true });
      return;
    }
    const record = await locations.create({ type, target, origin: 'api', ...(presence ? { presence } : {}) });
    refreshInBackground(record);
    res.status(201).json({ location: toLocation(record), entities: [] });
  });

  router.post('/locations/by-query', async (req, res) => {
    const body = parseBody(validators.query, req);
    await access.authorize(req, catalogLocationReadPermission);
    const cursor = body.cursor === undefined ? undefined : decodeLocationsCursor(body.cursor);
    const query = cursor ? cursor.query : body.query;
    const limit = Math.min(body.limit ?? cursor?.limit ?? maxLocationsPage, maxLocationsPage);
    // Registered locations number in the thousands at most, unlike entities: one read, filtered here.
    const matching = (await locations.list('api'))
      .sort(byKey)
      .filter((record) => query === undefined || matchesLocationPredicate(toLocation(record), query));
    const start = cursor ? matching.findIndex((record) => record.key > cursor.after) : 0;
    const page = start === -1 ? [] : matching.slice(start, start + limit);
    const last = page.at(-1);
    const more = last !== undefined && start + page.length < matching.length;
    res.json({
      items: page.map(toLocation),
      totalItems: matching.length,
      pageInfo: more ? { nextCursor: encodeLocationsCursor({ query, limit, after: last.key }) } : {},
    });
  });

  router.get('/locations', async (req, res) => {
    await access.authorize(req, catalogLocationReadPermission);
    res.json((await locations.list('api')).map((record) => ({ data: toLocation(record) })));
  });

  router.get('/locations/by-entity/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const ref = stringifyEntityRef({ kind, namespace, name });
    await access.authorize(req, catalogLocationReadPermission);
    const entity = await store.getByRef(ref, {
      fields: ['metadata.annotations'],
      restrict: await access.entityReadRestriction(req),
    });
    const origin = entity?.metadata?.annotations?.['backstage.io/managed-by-origin-location'];
    const record = origin ? await locations.getByKey(origin) : undefined;
    if (record?.origin !== 'api') {
      throw new NotFoundError(`Found no location for entity ${ref}`);
    }
    res.json(toLocation(record));
  });

  router.get('/locations/:id', async (req, res) => {
    await access.authorize(req, catalogLocationReadPermission);
    res.json(toLocation(await findApiLocation(req.params.id)));
  });

  router.get('/locations/:id/status', async (req, res) => {
    await access.authorize(req, catalogLocationReadPermission);
    const record = await locations.getById(req.params.id);
    if (!record) {
      throw new NotFoundError(`Found no location with ID ${req.params.id}`);
    }
    res.json(record.status);
  });

  // Backstage's PUT replaces a location in place: under the same id it reads the new target, and the entities of the old one go.
  router.put('/locations/:id', async (req, res) => {
    const body = parseBody(validators.location, req);
    await access.authorize(req, catalogLocationUpdatePermission);
    assertWritable();
    const existing = await findApiLocation(req.params.id);
    const target = await checkedTarget(req, body.type, body.target);
    const presence = body.presence ?? existing.presence;
    const key = `${body.type}:${target}`;
    if (key === existing.key && presence === existing.presence) {
      res.status(200).json(toLocation(existing));
      return;
    }
    if (key !== existing.key && (await locations.getByKey(key))) {
      throw new ConflictError(`Location ${key} already exists`);
    }
    await engine.removeLocation(existing);
    const record = await locations.create({
      type: body.type,
      target,
      origin: 'api',
      id: existing.id,
      ...(presence ? { presence } : {}),
    });
    refreshInBackground(record);
    res.status(200).json(toLocation(record));
  });

  router.delete('/locations/:id', async (req, res) => {
    await access.authorize(req, catalogLocationDeletePermission);
    assertWritable();
    await engine.removeLocation(await findApiLocation(req.params.id));
    res.status(204).end();
  });

  router.post('/analyze-location', async (req, res) => {
    const body = parseBody(validators.analyze, req);
    await access.authorize(req, catalogEntityValidatePermission);
    if (body.location.type === 'file') {
      await authorizedFileTarget(req, body.location.target);
    }
    if (body.location.type !== 'url') {
      throw new InputError(`Only url locations can be analyzed, got '${body.location.type}'`);
    }
    const result = await engine.analyzeLocation(
      body.location.target,
      body.catalogFilename ?? body.catalogFileName,
    );
    const generated =
      result.existingEntityFiles.length === 0 ? generateComponentEntity(body.location.target) : undefined;
    res.json(generated ? { ...result, generateEntities: [{ entity: generated, fields: [] }] } : result);
  });

  return router;
}
