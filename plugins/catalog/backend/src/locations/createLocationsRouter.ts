import {
  type EntityStoreService,
  InputError,
  NotAllowedError,
  NotFoundError,
  stringifyEntityRef,
} from '@atrium/plugin-api';
import Ajv from 'ajv';
import { type Request, Router } from 'express';
import { generatedLocationEntityRef } from './generatedLocationEntityRef';
import type { Location } from './Location';
import type { LocationEngine } from './LocationEngine';
import type { LocationRecord, LocationStore } from './LocationStore';

type Validator<T> = ReturnType<typeof Ajv.prototype.compile<T>>;

function createValidators() {
  const ajv = new Ajv({ allErrors: true });
  return {
    location: ajv.compile<{ type: string; target: string; presence?: string }>({
      type: 'object',
      additionalProperties: false,
      required: ['type', 'target'],
      properties: {
        type: { type: 'string', minLength: 1 },
        target: { type: 'string', minLength: 1 },
        presence: { enum: ['optional', 'required'] },
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

/**
 * The location endpoints of Backstage's catalog API: `POST /locations` (with
 * `dryRun`), `GET /locations`, `GET|DELETE /locations/:id`,
 * `GET /locations/:id/status`, `GET /locations/by-entity/:kind/:namespace/:name`
 * and `POST /analyze-location`. Only locations registered through the API are
 * visible; config locations are managed in config.
 */
export function createLocationsRouter(options: {
  engine: LocationEngine;
  locations: LocationStore;
  store: EntityStoreService;
  /** Types `POST /locations` accepts; Backstage's default is `url` only (never `file`). */
  allowedLocationTypes?: string[];
  /** `catalog.readonly`: registering (except dry runs) and deleting locations answer 403. */
  readonly?: boolean;
  /** Called with a refresh that failed after the response was sent. */
  onBackgroundError?: (error: Error) => void;
}): Router {
  const { engine, locations, store } = options;
  const allowed = (options.allowedLocationTypes ?? ['url']).filter((type) => type !== 'file');
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

  router.post('/locations', async (req, res) => {
    const { type, target } = parseBody(validators.location, req);
    if (!allowed.includes(type)) {
      throw new InputError(`Registered locations must be of an allowed type ${JSON.stringify(allowed)}`);
    }
    if (type === 'url' && !/^https?:\/\/[^/]/i.test(target)) {
      throw new InputError(`Location target '${target}' is not an http(s) URL`);
    }
    const key = `${type}:${target}`;
    if (req.query.dryRun === 'true') {
      const existing = await locations.getByKey(key);
      const entities = await engine.dryRun({ type, target });
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
    const record = await locations.create({ type, target, origin: 'api' });
    refreshInBackground(record);
    res.status(201).json({ location: toLocation(record), entities: [] });
  });

  router.get('/locations', async (_req, res) => {
    res.json((await locations.list('api')).map((record) => ({ data: toLocation(record) })));
  });

  router.get('/locations/by-entity/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const ref = stringifyEntityRef({ kind, namespace, name });
    const entity = await store.getByRef(ref, { fields: ['metadata.annotations'] });
    const origin = entity?.metadata?.annotations?.['backstage.io/managed-by-origin-location'];
    const record = origin ? await locations.getByKey(origin) : undefined;
    if (record?.origin !== 'api') {
      throw new NotFoundError(`Found no location for entity ${ref}`);
    }
    res.json(toLocation(record));
  });

  router.get('/locations/:id', async (req, res) => {
    res.json(toLocation(await findApiLocation(req.params.id)));
  });

  router.get('/locations/:id/status', async (req, res) => {
    const record = await locations.getById(req.params.id);
    if (!record) {
      throw new NotFoundError(`Found no location with ID ${req.params.id}`);
    }
    res.json(record.status);
  });

  router.delete('/locations/:id', async (req, res) => {
    assertWritable();
    await engine.removeLocation(await findApiLocation(req.params.id));
    res.status(204).end();
  });

  router.post('/analyze-location', async (req, res) => {
    const body = parseBody(validators.analyze, req);
    if (body.location.type !== 'url') {
      throw new InputError(`Only url locations can be analyzed, got '${body.location.type}'`);
    }
    res.json(
      await engine.analyzeLocation(body.location.target, body.catalogFilename ?? body.catalogFileName),
    );
  });

  return router;
}
