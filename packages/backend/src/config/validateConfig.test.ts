import { ConfigError } from './ConfigError';
import type { ConfigSchemaEntry } from './ConfigSchemaEntry';
import { coreConfigSchemas } from './coreConfigSchemas';
import { createRootConfig } from './createRootConfig';
import { validateConfig } from './validateConfig';

const catalogSchema: ConfigSchemaEntry = {
  key: 'catalog',
  declaredIn: 'plugins/catalog/plugin.yaml',
  schema: {
    type: 'object',
    required: ['locations'],
    additionalProperties: false,
    properties: {
      locations: { type: 'array', items: { type: 'string' } },
      refreshEvery: { type: 'integer', minimum: 1, default: 60 },
    },
  },
};

function configFrom(data: Record<string, unknown>, file = 'app-config.yaml') {
  const sources = new Map<string, string>();
  const attribute = (value: unknown, path: string) => {
    sources.set(path, file);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [key, item] of Object.entries(value)) {
        attribute(item, `${path}.${key}`);
      }
    }
  };
  for (const [key, value] of Object.entries(data)) {
    attribute(value, key);
  }
  return createRootConfig(data, sources);
}

function validationError(config: ReturnType<typeof configFrom>, schemas: ConfigSchemaEntry[]): ConfigError {
  try {
    validateConfig(config, schemas);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('validateConfig accepted invalid config');
}

describe('validateConfig', () => {
  it('fills in every core default when no file sets anything', () => {
    const config = createRootConfig({});

    validateConfig(config, coreConfigSchemas);

    expect(config.data).toEqual({
      app: { title: 'Atrium' },
      backend: {
        listen: { host: '0.0.0.0', port: 7007 },
        database: { client: 'better-sqlite3', connection: './data' },
        reading: { allow: [] },
        http: { bodyLimit: '1mb' },
        logging: { level: 'info' },
      },
      auth: {
        guest: { enabled: false, allowInProduction: false },
        tokens: [],
        session: { maxAge: '12h' },
        providers: {},
        resolvers: [
          { by: 'email' },
          { by: 'annotation', annotation: 'github.com/user-login', claim: 'login' },
        ],
        unknownUsers: 'refuse',
        apiTokens: { maxDays: 365 },
        rateLimit: { windowMs: 60_000, max: 30 },
      },
      plugins: { installDirectory: './data/plugins', origins: [], enabled: {} },
      permissions: {},
      audit: { retentionDays: 90 },
    });
  });

  it('fills defaults inside arrays and maps without touching values that are set', () => {
    const config = configFrom({
      backend: { listen: { port: 9000 } },
      auth: { tokens: [{ token: 'a'.repeat(16), subject: 'user:default/ci' }] },
      plugins: { enabled: { catalog: {}, scorecards: { onBootFailure: 'continue' } } },
    });

    validateConfig(config, coreConfigSchemas);

    expect(config.get('backend.listen')).toEqual({ host: '0.0.0.0', port: 9000 });
    expect(config.get('auth.tokens[0].roles')).toEqual([]);
    expect(config.get('plugins.enabled')).toEqual({
      catalog: { onBootFailure: 'abort' },
      scorecards: { onBootFailure: 'continue' },
    });
  });

  it('coerces numbers and booleans that arrived as strings from environment variables', () => {
    const config = configFrom({
      backend: { listen: { port: '8080' } },
      auth: { guest: { enabled: 'true' } },
    });

    validateConfig(config, coreConfigSchemas);

    expect(config.get('backend.listen.port')).toBe(8080);
    expect(config.get('auth.guest.enabled')).toBe(true);
  });

  it('lists every problem with the file that set the value and the key path', () => {
    const config = createRootConfig(
      {
        backend: { listen: { port: 70000, hots: 'x' }, logging: { level: 'verbose' } },
        auth: { tokens: [{ token: 'short', subject: 'group:default/team' }] },
        plugins: { enabled: { Bad_Id: {} } },
      },
      new Map([
        ['backend', 'app-config.yaml'],
        ['backend.listen', 'app-config.local.yaml'],
        ['backend.listen.port', 'app-config.local.yaml'],
        ['backend.listen.hots', 'app-config.local.yaml'],
        ['backend.logging', 'app-config.yaml'],
        ['backend.logging.level', 'app-config.yaml'],
        ['auth', 'prod.yaml'],
        ['auth.tokens', 'prod.yaml'],
        ['auth.tokens[0]', 'prod.yaml'],
        ['auth.tokens[0].token', 'prod.yaml'],
        ['auth.tokens[0].subject', 'prod.yaml'],
        ['plugins', 'app-config.yaml'],
        ['plugins.enabled', 'app-config.yaml'],
        ['plugins.enabled.Bad_Id', 'app-config.yaml'],
      ]),
    );

    const error = validationError(config, coreConfigSchemas);

    expect(error.problems).toEqual(
      expect.arrayContaining([
        'app-config.local.yaml: backend.listen.port: must be <= 65535',
        'app-config.local.yaml: backend.listen.hots: is not a known key (the schema in core does not allow it)',
        'app-config.yaml: backend.logging.level: must be one of "error", "warn", "info", "debug"',
        'prod.yaml: auth.tokens[0].token: must NOT have fewer than 16 characters',
        expect.stringMatching(/^prod\.yaml: auth\.tokens\[0\]\.subject: must match pattern/),
        'app-config.yaml: plugins.enabled.Bad_Id: is not a valid name: must match pattern "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"',
      ]),
    );
    expect(error.problems).toHaveLength(6);
    for (const problem of error.problems) {
      expect(error.message).toContain(problem);
    }
  });

  it('names the schema file for a missing required key and the file of its parent', () => {
    const config = configFrom({ catalog: { refreshEvery: 5 } }, 'app-config.production.yaml');

    const error = validationError(config, [catalogSchema]);

    expect(error.problems).toEqual([
      'app-config.production.yaml: catalog.locations: is required by the schema in plugins/catalog/plugin.yaml, but not set',
    ]);
  });

  it('reports a required key of a plugin whose whole section is missing', () => {
    const error = validationError(createRootConfig({}), [catalogSchema]);

    expect(error.problems).toEqual([
      '(no config file): catalog.locations: is required by the schema in plugins/catalog/plugin.yaml, but not set',
    ]);
  });

  it('applies plugin schema defaults and leaves top-level keys no schema claims alone', () => {
    const config = configFrom({ catalog: { locations: ['a'] }, notEnabledPlugin: { anything: true } });

    validateConfig(config, [...coreConfigSchemas, catalogSchema]);

    expect(config.get('catalog')).toEqual({ locations: ['a'], refreshEvery: 60 });
    expect(config.get('notEnabledPlugin')).toEqual({ anything: true });
  });

  it('accepts keys Atrium does not use under the open core sections, as Backstage configs have them', () => {
    const config = configFrom({
      backend: {
        cors: { origin: 'http://localhost:3000' },
        database: { client: 'pg', connection: { host: 'db' } },
      },
      auth: { providers: {} },
    });

    expect(() => validateConfig(config, coreConfigSchemas)).not.toThrow();
  });

  it('names the declaring file when a schema itself is broken', () => {
    const broken: ConfigSchemaEntry = {
      key: 'broken',
      declaredIn: 'plugins/broken/plugin.yaml',
      schema: { type: 'object', properties: { x: { visibility: 'public' } } },
    };

    expect(() => validateConfig(createRootConfig({}), [broken])).toThrow(
      /^plugins\/broken\/plugin\.yaml: the config schema for 'broken' is not a valid JSON Schema/,
    );
  });
});
