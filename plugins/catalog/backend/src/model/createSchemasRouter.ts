import { NotFoundError } from '@atrium/plugin-api';
import { type Response, Router } from 'express';
import type { KindRegistry } from './createKindRegistry';

const SCHEMA_TYPE = 'application/schema+json';

function sendSchema(res: Response, schema: unknown): void {
  // Editors re-fetch schemas often; a short cache plus express's ETag keeps that cheap.
  res
    .set('Cache-Control', 'public, max-age=300')
    .type(SCHEMA_TYPE)
    .send(JSON.stringify(schema, null, 2));
}

/**
 * Serves the catalog's JSON Schemas so that editors validate and complete catalog-info.yaml:
 * `GET /schemas` (index), `GET /schemas/entity.json` (any document) and
 * `GET /schemas/kinds/:kind.json` (one kind, matched case-insensitively).
 *
 * @example
 * // first line of catalog-info.yaml, for the YAML language server:
 * // # yaml-language-server: $schema=https://portal.example.com/api/catalog/schemas/entity.json
 */
export function createSchemasRouter(registry: KindRegistry): Router {
  const router = Router();
  const schemas = registry.schemas();
  const kindByLowerName = new Map(Object.keys(schemas.kinds).map((kind) => [kind.toLowerCase(), kind]));

  router.get('/schemas', (req, res) => {
    const base = `${req.baseUrl}/schemas`;
    res.json({
      entity: { title: 'Any catalog-info.yaml document', url: `${base}/entity.json` },
      kinds: registry.kinds().map((definition) => ({
        kind: definition.kind,
        description: definition.description,
        apiVersions: definition.apiVersions,
        url: `${base}/kinds/${definition.kind}.json`,
      })),
    });
  });

  router.get('/schemas/entity.json', (_req, res) => {
    sendSchema(res, schemas.entity);
  });

  router.get('/schemas/kinds/:kind.json', (req, res) => {
    const kind = kindByLowerName.get(req.params.kind.toLowerCase());
    if (kind === undefined) {
      throw new NotFoundError(
        `No schema for kind '${req.params.kind}'; known kinds are ${[...kindByLowerName.values()].join(', ')}`,
      );
    }
    sendSchema(res, schemas.kinds[kind]);
  });

  return router;
}
