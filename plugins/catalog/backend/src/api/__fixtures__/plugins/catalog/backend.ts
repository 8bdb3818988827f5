import { coreServices, createBackendPlugin, type EntityMutation, InputError } from '@atrium/plugin-api';
import express, { Router } from 'express';
import { catalogPermissions, createCatalogAccess } from '../../../../permissions';
import { createCatalogApiRouter } from '../../../createCatalogApiRouter';

/**
 * Mounts the catalog API at `/api/catalog` with a validator that rejects
 * entities lacking a spec, and routes for the test to write entities and see
 * which refs were refreshed.
 */
export const catalogApiTestPlugin = createBackendPlugin({
  pluginId: 'catalog',
  deps: {
    logger: coreServices.logger,
    router: coreServices.httpRouter,
    store: coreServices.entityStore,
    auth: coreServices.auth,
    permissions: coreServices.permissions,
  },
  async init({ logger, router, store, auth, permissions }) {
    permissions.register(catalogPermissions);
    const refreshed: string[] = [];
    router.use(
      createCatalogApiRouter({
        store,
        logger,
        access: createCatalogAccess({ auth, permissions, store }),
        refresh: async (entityRef) => {
          refreshed.push(entityRef);
        },
        validate: async (entity, location) =>
          entity.spec === undefined
            ? [Object.assign(new InputError(`Entity at ${location} has no spec`), { path: '/spec' })]
            : [],
      }),
    );
    const test = Router();
    test.use(express.json({ limit: '10mb' }));
    test.post('/test/mutation', async (req, res) => {
      res.json(await store.applyMutation(req.body as EntityMutation));
    });
    test.get('/test/refreshed', (_req, res) => {
      res.json(refreshed);
    });
    router.use(test);
  },
});
