import { entityMetadataSchema } from './entityMetadataSchema';
import type { JsonSchema } from './JsonSchema';

/** The parts of a document schema that differ between one kind, every kind, or an unknown kind. */
export interface DocumentSchemaParts {
  title: string;
  description?: string;
  apiVersion: JsonSchema;
  kind: JsonSchema;
  spec: JsonSchema;
  /** Extra subschemas, e.g. one `if`/`then` per kind. */
  allOf?: JsonSchema[];
}

const outputOnly = (what: string): JsonSchema => ({
  not: {},
  description: `${what} Output only: computed by the catalog.`,
  errorMessage: 'is output-only: the catalog computes it, so a document must not contain it',
});

/**
 * A self-contained JSON Schema (draft-07, no external refs) for one `catalog-info.yaml`
 * document: Backstage's envelope with only apiVersion, kind, metadata and spec at the root.
 */
export function createDocumentSchema(parts: DocumentSchemaParts): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: parts.title,
    ...(parts.description ? { description: parts.description } : {}),
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: parts.apiVersion,
      kind: parts.kind,
      metadata: { $ref: '#/definitions/metadata' },
      spec: parts.spec,
      relations: outputOnly('Relations to other entities.'),
      status: outputOnly('Processing messages.'),
    },
    ...(parts.allOf ? { allOf: parts.allOf } : {}),
    definitions: { metadata: entityMetadataSchema },
  };
}
