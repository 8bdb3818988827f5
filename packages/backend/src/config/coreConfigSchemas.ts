import type { ConfigSchemaEntry } from './ConfigSchemaEntry';

const pluginIdPattern = '^[a-z][a-z0-9]*(-[a-z0-9]+)*$';
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

/** Schemas of the keys the core itself reads: `app`, `backend`, `auth` and `plugins`. */
export const coreConfigSchemas: ConfigSchemaEntry[] = [
  { key: 'app', schema: app, declaredIn: 'core' },
  { key: 'backend', schema: backend, declaredIn: 'core' },
  { key: 'auth', schema: auth, declaredIn: 'core' },
  { key: 'plugins', schema: plugins, declaredIn: 'core' },
];
