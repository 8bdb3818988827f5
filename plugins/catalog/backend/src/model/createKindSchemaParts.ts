import { entityFieldFormats } from './entityFieldFormats';
import type { JsonSchema } from './JsonSchema';
import type { KindDefinition } from './KindDefinition';

/** The `apiVersion` and `spec` subschemas one kind imposes, shared by its own schema and by entity.json. */
export function createKindSchemaParts(definition: KindDefinition): {
  apiVersion: JsonSchema;
  spec: JsonSchema;
} {
  const apiVersion = definition.apiVersions
    ? {
        type: 'string',
        enum: definition.apiVersions,
        errorMessage: `must be ${definition.apiVersions.join(' or ')} for kind ${definition.kind}`,
      }
    : entityFieldFormats.apiVersion;
  return { apiVersion, spec: { ...definition.specSchema, type: 'object' } };
}
