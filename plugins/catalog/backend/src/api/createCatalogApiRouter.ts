import {
  ConflictError,
  type Entity,
  type EntityPredicate,
  type EntityQueryRequest,
  type EntityStoreService,
  InputError,
  type LoggerService,
  NotAllowedError,
  NotFoundError,
  stringifyEntityRef,
} from '@atrium/plugin-api';
import express, { type Request, type Response, Router } from 'express';
import {
  type CatalogAccess,
  catalogEntityDeletePermission,
  catalogEntityRefreshPermission,
  catalogEntityValidatePermission,
} from '../permissions';
import { decodeEntitiesCursor, encodeEntitiesCursor } from './entitiesCursor';
import { findEntityAncestry } from './findEntityAncestry';
import { parseFieldsParams } from './parseFieldsParams';
import { parseFilterParams } from './parseFilterParams';
import { parseOrderFieldParams, parseOrderParams } from './parseOrderParams';
import { rawQueryValues } from './rawQueryValues';
import { requestQueryParams } from './requestQueryParams';
import { type SerializedError, serializeError } from './serializeError';
import { type EntityWalkChunk, walkEntities } from './walkEntities';
import { writeResponseText } from './writeResponseText';

/** What the catalog API needs: the store to serve, and the other catalog parts it calls. */
export interface CatalogApiRouterOptions {
  store: EntityStoreService;
  /** Schedules a re-read of the entity (and the locations it came from); called with a canonical ref known to exist. */
  refresh(entityRef: string): Promise<void>;
  /**
   * Checks an entity as if read from `location` (a `url:<target>` ref, with the
   * location annotations already set); returns the errors, none when valid.
   */
  validate(entity: Entity, location: string): Promise<Error[]>;
  /** The caller's permissions: every read is restricted by them, every change checked. */
  access: CatalogAccess;
  logger: LoggerService;
}

/** Page size of `/entities/by-query` when the request names none (Backstage 4.x's default). */
const defaultQueryLimit = 200;

/** The largest `/entities/by-query` page: one store page, so cursors stay exact in both directions. */
const maxQueryLimit = 1000;

/** How many refs of a `by-refs` request go to the store at once. */
const refsChunkSize = 1000;

function parseInteger(name: string, value: string | null | undefined, min: number): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const number = Number(value);
  if (value.trim() === '' || !Number.isSafeInteger(number) || number < min) {
    throw new InputError(`Invalid ${name} "${value}", expected an integer of at least ${min}`);
  }
  return number;
}

function bodyObject(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (!req.is('application/json')) {
    throw new InputError(req.headers['content-type'] ? 'Illegal Content-Type' : 'Content-Type missing');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InputError('Expected a JSON object as the request body');
  }
  return body as Record<string, unknown>;
}

function optionalStringList(name: string, value: unknown): string[] | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new InputError(`Invalid ${name}, expected an array of strings`);
  }
  return value;
}

function optionalPredicate(value: unknown): EntityPredicate | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError('Invalid query, expected a predicate object');
  }
  return value as EntityPredicate;
}

function allOf(...predicates: Array<EntityPredicate | undefined>): EntityPredicate | undefined {
  const present = predicates.filter((p): p is EntityPredicate => p !== undefined);
  return present.length > 1 ? { $all: present } : present[0];
}

function parseTotalItems(value: unknown): boolean {
  if (value === undefined || value === null || value === 'include') {
    return true;
  }
  if (value === 'exclude') {
    return false;
  }
  throw new InputError(`Invalid totalItems "${String(value)}", expected "include" or "exclude"`);
}

function clampQueryLimit(limit: number | undefined): number {
  return Math.min(limit ?? defaultQueryLimit, maxQueryLimit);
}

/**
 * The URL of the next `GET /entities` page: the request's own query, raw so
 * its filters keep their encoding, without `offset` and with the `after` cursor.
 */
function nextPageUrl(url: string, after: string): string {
  const question = url.indexOf('?');
  const pairs = question === -1 ? [] : url.slice(question + 1).split('&');
  const kept = pairs.filter((pair) => {
    const key = pair.split('=', 1)[0];
    return pair !== '' && key !== 'offset' && key !== 'after';
  });
  kept.push(`after=${encodeURIComponent(after)}`);
  return `${question === -1 ? url : url.slice(0, question)}?${kept.join('&')}`;
}

/** A query page request, as both forms of `/entities/by-query` describe it. */
interface QueryPageRequest {
  store: Omit<EntityQueryRequest<'json'>, 'limit' | 'format'>;
  offset?: number;
  limit: number;
  /** The predicate marker to carry in cursors; present when the query came by POST. */
  query?: EntityPredicate;
}

/** The store's full-text request for a term and the fields to look it up in; none for a blank term. */
function toFullText(term: string, fields: string[] | undefined): EntityQueryRequest['fullText'] {
  const trimmed = term.trim();
  if (trimmed === '') {
    return undefined;
  }
  return fields && fields.length > 0 ? { term: trimmed, fields } : { term: trimmed };
}

function parseByQueryBody(body: Record<string, unknown>): QueryPageRequest {
  const fields = parseFieldsParams(optionalStringList('fields', body.fields) ?? []);
  const limit = clampQueryLimit(
    parseInteger('limit', body.limit === undefined ? undefined : String(body.limit), 1),
  );
  if (body.cursor !== undefined) {
    if (typeof body.cursor !== 'string') {
      throw new InputError('Invalid cursor, expected a string');
    }
    const cursor = decodeEntitiesCursor(body.cursor);
    return { store: { cursor: cursor.storeCursor, fields }, limit, query: cursor.query ?? {} };
  }
  const query = optionalPredicate(body.query);
  let orderBy: EntityQueryRequest['orderBy'];
  if (body.orderBy !== undefined) {
    const orders = Array.isArray(body.orderBy) ? body.orderBy : [body.orderBy];
    orderBy = orders.map((o: unknown) => {
      const { field, order = 'asc' } = (o ?? {}) as { field?: unknown; order?: unknown };
      if (typeof field !== 'string' || field === '' || (order !== 'asc' && order !== 'desc')) {
        throw new InputError('Invalid orderBy, expected [{ field, order: "asc" | "desc" }]');
      }
      return { field, order };
    });
  }
  let fullText: EntityQueryRequest['fullText'];
  if (body.fullTextFilter !== undefined) {
    const filter = body.fullTextFilter as { term?: unknown; fields?: unknown } | null;
    if (typeof filter?.term !== 'string') {
      throw new InputError('Invalid fullTextFilter, expected { term, fields? }');
    }
    const fields = optionalStringList('fullTextFilter.fields', filter.fields);
    fullText = toFullText(filter.term, fields);
  }
  return {
    store: { query, orderBy, fullText, fields, totalItems: parseTotalItems(body.totalItems) },
    offset: parseInteger('offset', body.offset === undefined ? undefined : String(body.offset), 0),
    limit,
    query: query ?? {},
  };
}

function parseByQueryParams(req: Request): QueryPageRequest {
  const params = requestQueryParams(req);
  const fields = parseFieldsParams(params.getAll('fields'));
  const limit = clampQueryLimit(parseInteger('limit', params.get('limit'), 1));
  const cursorText = params.get('cursor');
  if (cursorText !== null) {
    const cursor = decodeEntitiesCursor(cursorText);
    return { store: { cursor: cursor.storeCursor, fields }, limit, query: cursor.query };
  }
  const fullTextFields = params
    .getAll('fullTextFilterFields')
    .flatMap((value) => value.split(','))
    .map((field) => field.trim())
    .filter((field) => field !== '');
  return {
    store: {
      query: parseFilterParams(rawQueryValues(req, 'filter')),
      orderBy: parseOrderFieldParams(params.getAll('orderField')),
      fullText: toFullText(params.get('fullTextFilterTerm') ?? '', fullTextFields),
      fields,
      totalItems: parseTotalItems(params.get('totalItems')),
    },
    offset: parseInteger('offset', params.get('offset'), 0),
    limit,
  };
}

/**
 * The Backstage-compatible entity routes of `/api/catalog`: what
 * `@backstage/catalog-client` calls for entities, facets, refresh and
 * validation. Entities are served as the store's JSON text, and lists are
 * streamed page by page from the store. Every read passes the caller's
 * `catalog.entity.read` restriction to the store, so entities they may not
 * read are not there; refresh and delete also check the entity's permission.
 *
 * @example
 * router.use(createCatalogApiRouter({ store, logger, access, refresh: (ref) => engine.refresh(ref), validate }));
 */
export function createCatalogApiRouter(options: CatalogApiRouterOptions): Router {
  const { store, refresh, validate, access, logger } = options;
  const router = Router();
  router.use(express.json({ limit: '10mb' }));

  /** Streams the chunks after the first one; headers are out, so a failure can only cut the response. */
  async function streamRest(
    res: Response,
    first: EntityWalkChunk,
    rest: AsyncGenerator<EntityWalkChunk>,
  ): Promise<EntityWalkChunk> {
    let chunk = first;
    let separator = '';
    for (;;) {
      if (chunk.items.length > 0) {
        await writeResponseText(res, separator + chunk.items.join(','));
        separator = ',';
      }
      if (chunk.last || res.destroyed) {
        return chunk;
      }
      const next = await rest.next();
      if (next.done) {
        return chunk;
      }
      chunk = next.value;
    }
  }

  async function respondWithStream(
    res: Response,
    chunks: AsyncGenerator<EntityWalkChunk>,
    first: EntityWalkChunk,
    open: string,
    close: (last: EntityWalkChunk) => string,
  ): Promise<void> {
    res.status(200).type('application/json');
    await writeResponseText(res, open);
    try {
      const last = await streamRest(res, first, chunks);
      res.end(close(last));
    } catch (error) {
      logger.error('Streaming an entity list failed; the response was cut', error as Error);
      res.destroy(error as Error);
    }
  }

  async function firstChunk(chunks: AsyncGenerator<EntityWalkChunk>): Promise<EntityWalkChunk> {
    const first = await chunks.next();
    return first.done ? { items: [], last: true } : first.value;
  }

  router.get('/entities', async (req, res) => {
    const params = requestQueryParams(req);
    const request = {
      query: parseFilterParams(rawQueryValues(req, 'filter')),
      orderBy: parseOrderParams(params.getAll('order')),
      fields: parseFieldsParams(params.getAll('fields')),
      restrict: await access.entityReadRestriction(req),
    };
    const after = params.get('after');
    let offset = parseInteger('offset', params.get('offset'), 0);
    let limit = parseInteger('limit', params.get('limit'), 1);
    if (after !== null) {
      let decoded: { offset?: unknown; limit?: unknown } | null = null;
      try {
        decoded = JSON.parse(Buffer.from(after, 'base64').toString('utf8'));
      } catch (error) {
        throw new InputError(`Malformed after cursor "${after}"`, { cause: error });
      }
      offset = parseInteger('after offset', String(decoded?.offset), 0);
      limit = parseInteger('after limit', String(decoded?.limit), 1);
    }
    if (offset === undefined && limit === undefined) {
      const chunks = walkEntities(store, request);
      await respondWithStream(res, chunks, await firstChunk(chunks), '[', () => ']');
      return;
    }
    const start = offset ?? 0;
    const chunks = walkEntities(
      store,
      { ...request, totalItems: limit !== undefined && limit > maxQueryLimit },
      { offset: start, limit },
    );
    const first = await firstChunk(chunks);
    const hasNext =
      limit !== undefined &&
      (first.last ? first.nextCursor !== undefined : (first.totalItems ?? 0) > start + limit);
    if (hasNext && limit !== undefined) {
      const nextAfter = Buffer.from(JSON.stringify({ limit, offset: start + limit }), 'utf8').toString(
        'base64',
      );
      res.setHeader('link', `<${nextPageUrl(req.url, nextAfter)}>; rel="next"`);
    }
    await respondWithStream(res, chunks, first, '[', () => ']');
  });

  async function respondWithQueryPage(res: Response, page: QueryPageRequest): Promise<void> {
    const chunks = walkEntities(store, page.store, { offset: page.offset, limit: page.limit });
    const first = await firstChunk(chunks);
    const wrap = (storeCursor: string | undefined) =>
      storeCursor === undefined
        ? undefined
        : encodeEntitiesCursor(
            page.query === undefined ? { storeCursor } : { storeCursor, query: page.query },
          );
    await respondWithStream(res, chunks, first, '{"items":[', (last) => {
      const pageInfo = {
        nextCursor: wrap(last.nextCursor),
        prevCursor: wrap(first.prevCursor),
      };
      return `],"totalItems":${first.totalItems ?? 0},"pageInfo":${JSON.stringify(pageInfo)}}`;
    });
  }

  router.get('/entities/by-query', async (req, res) => {
    const page = parseByQueryParams(req);
    page.store.restrict = await access.entityReadRestriction(req);
    await respondWithQueryPage(res, page);
  });

  router.post('/entities/by-query', async (req, res) => {
    const page = parseByQueryBody(bodyObject(req));
    page.store.restrict = await access.entityReadRestriction(req);
    await respondWithQueryPage(res, page);
  });

  router.post('/entities/by-refs', async (req, res) => {
    const body = bodyObject(req);
    const entityRefs = optionalStringList('entityRefs', body.entityRefs);
    if (entityRefs === undefined) {
      throw new InputError('Invalid entityRefs, expected an array of strings');
    }
    const params = requestQueryParams(req);
    const fields = parseFieldsParams([
      ...params.getAll('fields'),
      ...(optionalStringList('fields', body.fields) ?? []),
    ]);
    const query = allOf(parseFilterParams(rawQueryValues(req, 'filter')), optionalPredicate(body.query));
    const restrict = await access.entityReadRestriction(req);
    const canonical = entityRefs.map((ref) => {
      try {
        return stringifyEntityRef(ref);
      } catch {
        return undefined;
      }
    });
    const lookup = async (refs: Array<string | undefined>) => {
      const valid = refs.filter((ref): ref is string => ref !== undefined);
      const found =
        valid.length > 0 ? await store.getByRefs(valid, { fields, query, restrict, format: 'json' }) : [];
      const byRef = new Map(valid.map((ref, i) => [ref, found[i] ?? 'null']));
      return refs.map((ref) => (ref === undefined ? 'null' : (byRef.get(ref) ?? 'null')));
    };
    const first = await lookup(canonical.slice(0, refsChunkSize));
    res.status(200).type('application/json');
    await writeResponseText(res, `{"items":[${first.join(',')}`);
    try {
      for (let i = refsChunkSize; i < canonical.length && !res.destroyed; i += refsChunkSize) {
        await writeResponseText(res, `,${(await lookup(canonical.slice(i, i + refsChunkSize))).join(',')}`);
      }
      res.end(']}');
    } catch (error) {
      logger.error('Streaming entities by refs failed; the response was cut', error as Error);
      res.destroy(error as Error);
    }
  });

  router.get('/entities/by-uid/:uid', async (req, res) => {
    const entity = await store.getByUid(req.params.uid, {
      format: 'json',
      restrict: await access.entityReadRestriction(req),
    });
    if (!entity) {
      throw new NotFoundError(`No entity with uid ${req.params.uid}`);
    }
    res.type('application/json').send(entity);
  });

  // Like a missing uid, an entity the caller cannot read answers 204 and stays: unreadable is not there.
  router.delete('/entities/by-uid/:uid', async (req, res) => {
    const entity = await store.getByUid(req.params.uid, {
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    });
    if (entity) {
      const ref = stringifyEntityRef({
        kind: entity.kind,
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      });
      const resource = await access.readableEntity(req, ref);
      if (!resource) {
        res.status(204).end();
        return;
      }
      await access.authorize(req, catalogEntityDeletePermission, resource);
      try {
        await store.applyMutation({ deletes: [ref] });
      } catch (error) {
        if (error instanceof ConflictError) {
          throw new NotAllowedError(
            `Entity '${ref}' is provided by another plugin; the catalog cannot delete it`,
            {
              cause: error,
            },
          );
        }
        throw error;
      }
    }
    res.status(204).end();
  });

  router.get('/entities/by-name/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const entity = await store.getByRef(
      { kind, namespace, name },
      { format: 'json', restrict: await access.entityReadRestriction(req) },
    );
    if (!entity) {
      throw new NotFoundError(
        `No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`,
      );
    }
    res.type('application/json').send(entity);
  });

  router.get('/entities/by-name/:kind/:namespace/:name/ancestry', async (req, res) => {
    const ref = stringifyEntityRef(req.params);
    const restrict = await access.entityReadRestriction(req);
    const entity = await store.getByRef(ref, { restrict });
    if (!entity) {
      throw new NotFoundError(`No such entity ${ref}`);
    }
    res.json(await findEntityAncestry(store, entity, restrict));
  });

  router.get('/entity-facets', async (req, res) => {
    const params = requestQueryParams(req);
    const facets = params.getAll('facet');
    if (facets.length === 0) {
      throw new InputError('Missing facet parameter');
    }
    res.json({
      facets: await store.facets({
        facets,
        query: parseFilterParams(rawQueryValues(req, 'filter')),
        restrict: await access.entityReadRestriction(req),
      }),
    });
  });

  router.post('/entity-facets', async (req, res) => {
    const body = bodyObject(req);
    const facets = optionalStringList('facets', body.facets);
    if (!facets || facets.length === 0) {
      throw new InputError('Missing facets, expected a non-empty array of strings');
    }
    res.json({
      facets: await store.facets({
        facets,
        query: optionalPredicate(body.query),
        restrict: await access.entityReadRestriction(req),
      }),
    });
  });

  router.post('/refresh', async (req, res) => {
    const { entityRef } = bodyObject(req);
    if (typeof entityRef !== 'string') {
      throw new InputError('Invalid entityRef, expected an entity ref string');
    }
    const ref = stringifyEntityRef(entityRef);
    const resource = await access.readableEntity(req, ref);
    if (!resource) {
      throw new NotFoundError(`No such entity ${ref}`);
    }
    await access.authorize(req, catalogEntityRefreshPermission, resource);
    await refresh(ref);
    res.status(200).end();
  });

  router.post('/validate-entity', async (req, res) => {
    await access.authorize(req, catalogEntityValidatePermission);
    const fail = (errors: SerializedError[]) => {
      res.status(400).json({ errors });
    };
    let body: Record<string, unknown>;
    try {
      body = bodyObject(req);
    } catch (error) {
      fail([serializeError(error as Error)]);
      return;
    }
    const { entity, location } = body;
    if (typeof location !== 'string' || !location.startsWith('url:') || location.length === 4) {
      fail([
        serializeError(
          new InputError(
            `Invalid location ref ${String(location)}, only 'url:<target>' is supported, e.g. url:https://host/path`,
          ),
        ),
      ]);
      return;
    }
    const metadata = (entity as { metadata?: unknown } | null)?.metadata;
    if (typeof entity !== 'object' || entity === null || typeof metadata !== 'object' || metadata === null) {
      fail([serializeError(new InputError('Invalid entity, expected an object with metadata'))]);
      return;
    }
    const annotations = (metadata as { annotations?: unknown }).annotations;
    const located: Entity = {
      ...(entity as Entity),
      metadata: {
        ...(metadata as Entity['metadata']),
        annotations: {
          'backstage.io/managed-by-location': location,
          'backstage.io/managed-by-origin-location': location,
          ...(typeof annotations === 'object' ? annotations : {}),
        },
      },
    };
    const errors = await validate(located, location);
    if (errors.length > 0) {
      fail(errors.map(serializeError));
      return;
    }
    res.status(200).end();
  });

  return router;
}
