import { coreServices, createBackendPlugin, InputError } from '@atrium/plugin-api';
import { createCatalogApiRouter } from './api';
import { createCatalogLocations } from './locations';
import {
  createKindRegistry,
  createSchemasRouter,
  formatValidationProblem,
  type KindDefinition,
} from './model';
import { catalogPermissions, createCatalogAccess } from './permissions';

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
    auth: coreServices.auth,
    permissions: coreServices.permissions,
  },
  async init({ config, logger, router, store, scheduler, database, urlReader, auth, permissions }) {
    permissions.register(catalogPermissions);
    const access = createCatalogAccess({ auth, permissions, store });
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
      access,
    });
    router.use(
      createCatalogApiRouter({
        store,
        logger,
        access,
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
