import type { ConfigSchemaEntry } from './ConfigSchemaEntry';

const pluginIdPattern = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
const durationPattern = '^\\d+(ms|s|m|h|d)$';
const userRefPattern = '^[Uu][Ss][Ee][Rr]:([^:/\\s]+/)?[^:/\\s]+$';

const app = {
  type: 'object',
  default: {},
  properties: {
    title: { type: 'string', minLength: 1, default: 'Atrium', visibility: 'frontend' },
    baseUrl: { type: 'string', format: 'uri', visibility: 'frontend' },
  },
};

// Top-level `backend`, `auth` and `app` stay open so a Backstage app-config carrying keys
// Atrium does not use still loads; the leaf objects Atrium owns are closed to catch typos.
const backend = {
  type: 'object',
  default: {},
  properties: {
    baseUrl: { type: 'string', format: 'uri' },
    listen: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        host: { type: 'string', minLength: 1, default: '0.0.0.0' },
        port: { type: 'integer', minimum: 0, maximum: 65535, default: 7007 },
      },
    },
    database: {
      type: 'object',
      default: {},
      properties: {
        client: { enum: ['better-sqlite3', 'pg'], default: 'better-sqlite3' },
        connection: {
          anyOf: [{ type: 'string', minLength: 1 }, { type: 'object' }],
          default: './data',
        },
      },
    },
    reading: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        allow: {
          type: 'array',
          default: [],
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['host'],
            properties: {
              host: { type: 'string', minLength: 1 },
              paths: { type: 'array', items: { type: 'string', minLength: 1 } },
            },
          },
        },
      },
    },
    http: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        bodyLimit: { type: 'string', pattern: '^\\d+(\\.\\d+)?\\s*([kKmMgG]?[bB])$', default: '1mb' },
      },
    },
    logging: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        level: { enum: ['error', 'warn', 'info', 'debug'], default: 'info' },
      },
    },
  },
};

const auth = {
  type: 'object',
  default: {},
  properties: {
    guest: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean', default: false },
        allowInProduction: { type: 'boolean', default: false },
      },
    },
    tokens: {
      type: 'array',
      default: [],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['token', 'subject'],
        properties: {
          token: { type: 'string', minLength: 16, visibility: 'secret' },
          subject: { type: 'string', pattern: userRefPattern },
          roles: { type: 'array', items: { type: 'string', minLength: 1 }, default: [] },
        },
      },
    },
    session: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        secret: { type: 'string', minLength: 32, visibility: 'secret' },
        maxAge: { type: 'string', pattern: durationPattern, default: '12h' },
      },
    },
    providers: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        oidc: {
          type: 'object',
          additionalProperties: false,
          required: ['issuer', 'clientId', 'clientSecret'],
          properties: {
            issuer: { type: 'string', format: 'uri' },
            clientId: { type: 'string', minLength: 1 },
            clientSecret: { type: 'string', minLength: 1, visibility: 'secret' },
            scopes: { type: 'array', items: { type: 'string', minLength: 1 } },
            title: { type: 'string', minLength: 1 },
          },
        },
        github: {
          type: 'object',
          additionalProperties: false,
          required: ['clientId', 'clientSecret'],
          properties: {
            clientId: { type: 'string', minLength: 1 },
            clientSecret: { type: 'string', minLength: 1, visibility: 'secret' },
            baseUrl: { type: 'string', format: 'uri', default: 'https://github.com' },
            apiBaseUrl: { type: 'string', format: 'uri', default: 'https://api.github.com' },
            title: { type: 'string', minLength: 1 },
          },
        },
      },
    },
    resolvers: {
      type: 'array',
      default: [{ by: 'email' }, { by: 'annotation', annotation: 'github.com/user-login', claim: 'login' }],
      items: {
        oneOf: [
          {
            type: 'object',
            additionalProperties: false,
            required: ['by'],
            properties: { by: { const: 'email' } },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['by', 'annotation', 'claim'],
            properties: {
              by: { const: 'annotation' },
              annotation: { type: 'string', minLength: 1 },
              claim: { type: 'string', minLength: 1 },
            },
          },
          {
            type: 'object',
            additionalProperties: false,
            required: ['by', 'claim'],
            properties: { by: { const: 'name' }, claim: { type: 'string', minLength: 1 } },
          },
        ],
      },
    },
    unknownUsers: { enum: ['refuse', 'limited'], default: 'refuse' },
    apiTokens: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        maxDays: { type: 'integer', minimum: 1, maximum: 3650, default: 365 },
      },
    },
    rateLimit: {
      type: 'object',
      default: {},
      additionalProperties: false,
      properties: {
        windowMs: { type: 'integer', minimum: 1000, default: 60_000 },
        max: { type: 'integer', minimum: 1, default: 30 },
      },
    },
  },
};

const plugins = {
  type: 'object',
  default: {},
  additionalProperties: false,
  properties: {
    installDirectory: { type: 'string', minLength: 1, default: './data/plugins' },
    // Where installed plugins' frontend remotes may be loaded from besides the portal itself (CSP script-src).
    origins: { type: 'array', default: [], items: { type: 'string', pattern: '^https?://[^/\\s]+$' } },
    enabled: {
      type: 'object',
      default: {},
      propertyNames: { pattern: pluginIdPattern },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: {
          onBootFailure: { enum: ['abort', 'continue'], default: 'abort' },
        },
      },
    },
  },
};

// A permission-id pattern: `*`, `catalog.*` or an exact id such as `catalog.entity.read`.
const permissionPattern = {
  type: 'string',
  pattern: '^(\\*|[a-z][a-z0-9-]*(\\.([a-z][a-zA-Z0-9-]*|\\*))*)$',
};

const permissions = {
  type: 'object',
  default: {},
  additionalProperties: false,
  properties: {
    // Absent means the development default: every signed-in user may do everything.
    roles: {
      type: 'object',
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['allow'],
        properties: {
          members: {
            type: 'array',
            default: [],
            items: {
              type: 'string',
              pattern: '^(\\*|([Uu][Ss][Ee][Rr]|[Gg][Rr][Oo][Uu][Pp]):([^:/\\s]+/)?[^:/\\s]+)$',
            },
          },
          allow: {
            type: 'array',
            items: {
              anyOf: [
                permissionPattern,
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['permission'],
                  properties: { permission: permissionPattern, owned: { type: 'boolean' } },
                },
              ],
            },
          },
        },
      },
    },
  },
};

const audit = {
  type: 'object',
  default: {},
  additionalProperties: false,
  properties: {
    retentionDays: { type: 'integer', minimum: 1, default: 90 },
  },
};

/** Schemas of the keys the core itself reads: `app`, `backend`, `auth`, `plugins`, `permissions` and `audit`. */
export const coreConfigSchemas: ConfigSchemaEntry[] = [
  { key: 'app', schema: app, declaredIn: 'core' },
  { key: 'backend', schema: backend, declaredIn: 'core' },
  { key: 'auth', schema: auth, declaredIn: 'core' },
  { key: 'plugins', schema: plugins, declaredIn: 'core' },
  { key: 'permissions', schema: permissions, declaredIn: 'core' },
  { key: 'audit', schema: audit, declaredIn: 'core' },
];
