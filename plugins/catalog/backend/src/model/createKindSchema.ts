import { createDocumentSchema } from './createDocumentSchema';
import { createKindSchemaParts } from './createKindSchemaParts';
import type { JsonSchema } from './JsonSchema';
import type { KindDefinition } from './KindDefinition';

/** The JSON Schema of a whole `catalog-info.yaml` document of one kind, e.g. served as `kinds/Component.json`. */
export function createKindSchema(definition: KindDefinition): JsonSchema {
  return createDocumentSchema({
    title: `${definition.kind} entity`,
    description: definition.description,
    kind: { const: definition.kind, errorMessage: `must be ${definition.kind}` },
    ...createKindSchemaParts(definition),
  });
}
