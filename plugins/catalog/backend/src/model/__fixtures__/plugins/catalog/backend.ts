import { coreServices, createBackendPlugin } from '@atrium/plugin-api';
import express, { Router } from 'express';
import { createKindRegistry } from '../../../createKindRegistry';
import { createSchemasRouter } from '../../../createSchemasRouter';
import { formatValidationProblem } from '../../../formatValidationProblem';
import type { KindDefinition } from '../../../KindDefinition';

/** Wires the model as the catalog plugin will: a registry from `catalog.kinds`, public schema routes, and a validate route for the test. */
export const catalogModelTestPlugin = createBackendPlugin({
  pluginId: 'catalog',
  deps: { config: coreServices.config, router: coreServices.httpRouter },
  async init({ config, router }) {
    const registry = createKindRegistry(config.getOptional<KindDefinition[]>('kinds') ?? []);
    router.use(createSchemasRouter(registry));
    router.addAuthPolicy({ path: '/schemas', allow: 'unauthenticated' });
    const test = Router();
    test.use(express.json());
    test.post('/test/validate', (req, res) => {
      res.json(
        registry
          .validate(req.body, { location: 'url:https://example.com/catalog-info.yaml' })
          .map(formatValidationProblem),
      );
    });
    router.use(test);
  },
});
