const idPattern = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const localId = { type: 'string', pattern: idPattern };
const stringList = { type: 'array', items: { type: 'string', minLength: 1 }, default: [] };
const entityFilter = {
  type: 'object',
  additionalProperties: false,
  properties: { kind: stringList, type: stringList },
};

/** JSON Schema of `plugin.yaml`; defaults fill the optional lists. */
export const pluginManifestSchema = {
  $id: 'https://atrium.dev/schemas/plugin-manifest.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'description', 'owner', 'pluginApi'],
  properties: {
    id: { type: 'string', pattern: idPattern, maxLength: 63 },
    title: { type: 'string', minLength: 1 },
    description: { type: 'string', minLength: 1 },
    owner: { type: 'string', minLength: 1 },
    pluginApi: { type: 'integer', minimum: 1 },
    backend: {
      type: 'object',
      additionalProperties: false,
      required: ['entry', 'export'],
      properties: {
        entry: { type: 'string', minLength: 1 },
        export: { type: 'string', pattern: '^[A-Za-z_$][A-Za-z0-9_$]*$' },
        consumes: stringList,
        provides: stringList,
        routes: {
          type: 'array',
          default: [],
          items: { type: 'string', pattern: '^(GET|POST|PUT|PATCH|DELETE) /\\S*$' },
        },
        readOnlyRoutes: {
          type: 'array',
          default: [],
          items: { type: 'string', pattern: '^(POST|PUT|PATCH|DELETE) /\\S*$' },
        },
        events: {
          type: 'object',
          additionalProperties: false,
          default: {},
          properties: { emits: stringList, subscribes: stringList },
        },
        permissions: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'action'],
            properties: {
              id: { type: 'string', pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-zA-Z0-9-]*)+$' },
              action: { enum: ['read', 'create', 'update', 'delete', 'use'] },
              resourceType: { type: 'string' },
              description: { type: 'string' },
            },
          },
        },
      },
    },
    frontend: {
      type: 'object',
      additionalProperties: false,
      required: ['remote', 'entry', 'export'],
      properties: {
        remote: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_]*$' },
        entry: { type: 'string', minLength: 1 },
        export: { type: 'string', pattern: '^\\./[\\w./-]+#[A-Za-z_$][A-Za-z0-9_$]*$' },
        pages: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'path', 'title'],
            properties: {
              id: localId,
              path: { type: 'string', pattern: '^/' },
              title: { type: 'string', minLength: 1 },
              icon: { type: 'string' },
              // Paths under the plugin's /api/<id>, with their query; no scheme, host or '..'.
              preload: {
                type: 'array',
                items: { type: 'string', pattern: '^(?!//)(?!.*(^|/)\\.\\.(/|\\?|$))/[^\\s#]*$' },
              },
            },
          },
        },
        entityTabs: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'path', 'title'],
            properties: {
              id: localId,
              path: { type: 'string', pattern: '^[a-z0-9-]+$' },
              title: { type: 'string', minLength: 1 },
              when: entityFilter,
            },
          },
        },
        entityCards: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title'],
            properties: { id: localId, title: { type: 'string', minLength: 1 }, when: entityFilter },
          },
        },
        homeCards: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'title'],
            properties: { id: localId, title: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    config: { type: 'object' },
  },
} as const;
