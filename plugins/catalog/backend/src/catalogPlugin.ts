import { coreServices, createBackendPlugin } from '@atrium/plugin-api';
import { createFileLocationIngester } from './ingestion/createFileLocationIngester';
import { createCatalogRouter } from './routes/createCatalogRouter';

/** The catalog's backend half: reads locations into the core entity store and serves the catalog API. */
export const catalogPlugin = createBackendPlugin({
  pluginId: 'catalog',
  deps: {
    config: coreServices.config,
    logger: coreServices.logger,
    router: coreServices.httpRouter,
    store: coreServices.entityStore,
    scheduler: coreServices.scheduler,
  },
  async init({ config, logger, router, store, scheduler }) {
    router.use(createCatalogRouter(store));
    const locations = config.getOptional<Array<{ type: 'file'; target: string }>>('locations') ?? [];
    const ingester = createFileLocationIngester({
      targets: locations.map((l) => l.target),
      cwd: process.cwd(),
      store,
      logger,
    });
    await scheduler.schedule({
      id: 'refresh-locations',
      every: config.getOptional<string>('refreshInterval') ?? '5m',
      run: () => ingester.ingestAll(),
    });
  },
});
