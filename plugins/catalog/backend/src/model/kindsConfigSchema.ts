import type { JsonSchema } from './JsonSchema';

const KIND_PATTERN = '^[a-zA-Z][a-z0-9A-Z]*$';
const RELATION_TYPE_PATTERN = '^\\w+$';

/**
 * The JSON Schema of the `catalog.kinds` config key (for `config.properties.kinds` in
 * plugin.yaml): kinds a platform team adds without code, each with a JSON Schema for its
 * spec and the relations its fields make.
 *
 * @example
 * // app-config.yaml
 * // catalog:
 * //   kinds:
 * //     - kind: KafkaTopic
 * //       apiVersions: [example.com/v1alpha1]
 * //       specSchema: { type: object, required: [owner], properties: { owner: { type: string } } }
 * //       relations: [{ field: owner, type: ownedBy, inverseType: ownerOf, defaultKind: Group }]
 */
export const kindsConfigSchema: JsonSchema = {
  type: 'array',
  default: [],
  description:
    'Kinds added without code. Each kind names its spec JSON Schema and the spec fields that make relations.',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['kind'],
    properties: {
      kind: {
        type: 'string',
        minLength: 1,
        maxLength: 63,
        pattern: KIND_PATTERN,
        description: 'The exact kind, e.g. KafkaTopic; must not clash with a built-in kind.',
      },
      apiVersions: {
        type: 'array',
        minItems: 1,
        items: { type: 'string', minLength: 1 },
        description: 'Accepted apiVersion values; any well-formed apiVersion when absent.',
      },
      description: { type: 'string', description: 'Shown in editors and the schema index.' },
      specSchema: {
        type: 'object',
        description: 'A self-contained JSON Schema (draft-07, no $ref) that spec must meet.',
      },
      relations: {
        type: 'array',
        default: [],
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['field', 'type', 'inverseType'],
          properties: {
            field: {
              type: 'string',
              minLength: 1,
              description: 'Path below spec (dots for nesting) holding one ref or a list of refs.',
            },
            type: { type: 'string', pattern: RELATION_TYPE_PATTERN, description: 'e.g. ownedBy' },
            inverseType: { type: 'string', pattern: RELATION_TYPE_PATTERN, description: 'e.g. ownerOf' },
            defaultKind: {
              type: 'string',
              pattern: KIND_PATTERN,
              description: 'Kind assumed for refs that name none; without it refs must name their kind.',
            },
          },
        },
      },
    },
  },
};
