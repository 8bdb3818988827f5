import { coreServices, createBackendPlugin, NotFoundError } from '@atrium/plugin-api';
import { Router } from 'express';
import { catalogPermissions, createCatalogAccess } from '../../../../permissions';
import { createCatalogLocations } from '../../../createCatalogLocations';

/** The locations part wired as catalogPlugin.ts should wire it, with test routes to drive refreshes. */
export const catalogPlugin = createBackendPlugin({
  pluginId: 'catalog',
  deps: {
    config: coreServices.config,
    logger: coreServices.logger,
    router: coreServices.httpRouter,
    store: coreServices.entityStore,
    scheduler: coreServices.scheduler,
    database: coreServices.database,
    urlReader: coreServices.urlReader,
    auth: coreServices.auth,
    permissions: coreServices.permissions,
  },
  async init({ config, logger, router, store, scheduler, database, urlReader, auth, permissions }) {
    permissions.register(catalogPermissions);
    const locations = await createCatalogLocations({
      config,
      logger,
      database,
      store,
      urlReader,
      scheduler,
      cwd: process.cwd(),
      access: createCatalogAccess({ auth, permissions, store }),
    });
    router.use(locations.router);
    const test = Router();
    test.post('/test/refresh-all', async (_req, res) => {
      await locations.engine.refreshAll();
      res.json(await locations.engine.getStatus());
    });
    test.post('/test/refresh-entity', async (req, res) => {
      await locations.engine.refreshEntity(String(req.body.entityRef));
      res.status(200).end();
    });
    test.get('/test/entities/:kind/:namespace/:name', async (req, res) => {
      const { kind, namespace, name } = req.params;
      const entity = await store.getByRef({ kind, namespace, name });
      if (!entity) {
        throw new NotFoundError(`No entity ${kind}:${namespace}/${name}`);
      }
      res.json(entity);
    });
    router.use(test);
  },
});
