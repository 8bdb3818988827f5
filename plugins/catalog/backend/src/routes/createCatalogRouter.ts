import { type EntityStoreService, InputError, NotFoundError, stringifyEntityRef } from '@atrium/plugin-api';
import { Router } from 'express';
import { parseFilterParams } from './parseFilterParams';
import { queryParamList } from './queryParamList';

function parseLimit(value: unknown): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InputError(`Invalid limit '${String(value)}'; expected a positive integer`);
  }
  return limit;
}

/** The catalog's read routes, served from the core store's JSON text without re-serialising. */
export function createCatalogRouter(store: EntityStoreService): Router {
  const router = Router();

  router.get('/entities/by-query', async (req, res) => {
    const fields = queryParamList(req.query.fields).flatMap((f) => f.split(','));
    const [orderField] = queryParamList(req.query.orderField);
    const [field, order = 'asc'] = orderField?.split(',') ?? [];
    if (order !== 'asc' && order !== 'desc') {
      throw new InputError(`Invalid orderField '${orderField}'; expected '<field>,<asc|desc>'`);
    }
    const term = typeof req.query.fullTextFilterTerm === 'string' ? req.query.fullTextFilterTerm.trim() : '';
    const page = await store.query({
      query: parseFilterParams(queryParamList(req.query.filter)),
      fullText: term ? { term } : undefined,
      orderBy: field ? [{ field, order }] : undefined,
      fields: fields.length > 0 ? fields : undefined,
      limit: parseLimit(req.query.limit),
      cursor: typeof req.query.cursor === 'string' ? req.query.cursor : undefined,
      totalItems: req.query.totalItems !== 'exclude',
      format: 'json',
    });
    res
      .type('application/json')
      .send(
        `{"items":[${page.items.join(',')}],"totalItems":${page.totalItems ?? 0},"pageInfo":${JSON.stringify(page.pageInfo)}}`,
      );
  });

  router.get('/entities/by-name/:kind/:namespace/:name', async (req, res) => {
    const { kind, namespace, name } = req.params;
    const entity = await store.getByRef(stringifyEntityRef({ kind, namespace, name }), { format: 'json' });
    if (!entity) {
      throw new NotFoundError(
        `No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`,
      );
    }
    res.type('application/json').send(entity);
  });

  router.get('/entity-facets', async (req, res) => {
    const facets = queryParamList(req.query.facet);
    if (facets.length === 0) {
      throw new InputError('Missing facet parameter');
    }
    res.json({
      facets: await store.facets({ facets, query: parseFilterParams(queryParamList(req.query.filter)) }),
    });
  });

  return router;
}
