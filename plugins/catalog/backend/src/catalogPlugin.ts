import { coreServices, createBackendPlugin, InputError } from '@atrium/plugin-api';
import { createCatalogApiRouter } from './api';
import { createCatalogLocations } from './locations';
import {
  createKindRegistry,
  createSchemasRouter,
  formatValidationProblem,
  type KindDefinition,
} from './model';

/**
 * The catalog's backend half: reads locations into the core entity store,
 * keeps them fresh, and serves Backstage's catalog API and the entity schemas.
 */
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
  },
  async init({ config, logger, router, store, scheduler, database, urlReader }) {
    const registry = createKindRegistry(config.getOptional<KindDefinition[]>('kinds') ?? []);
    const locations = await createCatalogLocations({
      config,
      logger,
      database,
      store,
      urlReader,
      scheduler,
      cwd: process.cwd(),
      buildRelations: (entity) => registry.relationsOf(entity),
      validateEntity: (document, context) => registry.validate(document, context),
    });
    router.use(
      createCatalogApiRouter({
        store,
        logger,
        // Like Backstage, POST /refresh answers at once; the location is re-read in the background.
        refresh: async (entityRef) => {
          locations.engine
            .refreshEntity(entityRef)
            .catch((error: Error) => logger.warn(`Refreshing ${entityRef} failed`, error));
        },
        validate: async (entity, location) =>
          registry
            .validate(entity, { location })
            .map((problem) =>
              Object.assign(new InputError(formatValidationProblem(problem)), { path: problem.path }),
            ),
      }),
    );
    router.use(locations.router);
    router.use(createSchemasRouter(registry));
    // Editors fetch schemas from a `$schema` line and cannot send a token; they hold no entity data.
    router.addAuthPolicy({ path: '/schemas', allow: 'unauthenticated' });
  },
});
