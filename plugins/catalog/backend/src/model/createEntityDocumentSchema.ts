import { createDocumentSchema } from './createDocumentSchema';
import { createKindSchemaParts } from './createKindSchemaParts';
import { entityFieldFormats } from './entityFieldFormats';
import type { JsonSchema } from './JsonSchema';
import type { KindDefinition } from './KindDefinition';

/**
 * The JSON Schema of any `catalog-info.yaml` document: the envelope, then one `if`/`then`
 * per kind so that editors (e.g. the YAML language server) check and complete each kind's spec.
 */
export function createEntityDocumentSchema(definitions: KindDefinition[]): JsonSchema {
  const kinds = definitions.map((d) => d.kind);
  return createDocumentSchema({
    title: 'Catalog entity',
    description: 'One document of a catalog-info.yaml file.',
    apiVersion: entityFieldFormats.apiVersion,
    kind: { type: 'string', enum: kinds, errorMessage: `must be one of ${kinds.join(', ')}` },
    spec: { type: 'object' },
    allOf: definitions.map((definition) => ({
      if: { properties: { kind: { const: definition.kind } }, required: ['kind'] },
      // biome-ignore lint/suspicious/noThenProperty: `then` is JSON Schema's keyword, not a thenable
      then: { properties: createKindSchemaParts(definition) },
    })),
  });
}
