import type { ConfigSchemaEntry } from './ConfigSchemaEntry';
import { coreConfigSchemas } from './coreConfigSchemas';
import { createRootConfig } from './createRootConfig';
import { filterFrontendConfig } from './filterFrontendConfig';
import { validateConfig } from './validateConfig';

const scorecardsSchema: ConfigSchemaEntry = {
  key: 'scorecards',
  declaredIn: 'plugins/scorecards/plugin.yaml',
  schema: {
    type: 'object',
    properties: {
      title: { type: 'string', visibility: 'frontend' },
      levels: { type: 'array', visibility: 'frontend', items: { type: 'string' } },
      display: {
        type: 'object',
        visibility: 'frontend',
        properties: {
          theme: { type: 'string' },
          trackingKey: { type: 'string', visibility: 'secret' },
          internalNote: { type: 'string', visibility: 'backend' },
        },
      },
      links: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            url: { type: 'string', visibility: 'frontend' },
            auth: { type: 'string', visibility: 'secret' },
          },
        },
      },
      recomputeEvery: { type: 'integer', default: 60 },
      apiToken: { type: 'string', visibility: 'secret' },
      echo: { type: 'string', visibility: 'frontend' },
    },
  },
};

describe('filterFrontendConfig', () => {
  const config = createRootConfig({
    app: { title: 'Acme Portal', baseUrl: 'https://idp.acme.com' },
    backend: {
      baseUrl: 'https://idp.acme.com',
      database: { client: 'pg', connection: { password: 'db-pass' } },
    },
    auth: {
      tokens: [{ token: 'ci-token-0123456789', subject: 'user:default/ci' }],
      session: { secret: 'x'.repeat(32) },
    },
    scorecards: {
      title: 'Scores',
      levels: ['bronze', 'gold'],
      display: { theme: 'dark', trackingKey: 'track-secret', internalNote: 'nope', undeclared: 'inherits' },
      links: [{ url: 'https://a.example', auth: 'link-secret' }],
      apiToken: 'api-token-secret',
      echo: 'api-token-secret',
    },
    unclaimed: { anything: 'not described by any schema' },
  });
  validateConfig(config, [...coreConfigSchemas, scorecardsSchema]);
  const frontend = filterFrontendConfig(config, [...coreConfigSchemas, scorecardsSchema]);

  it('keeps only fields marked frontend, with the children of a frontend object', () => {
    expect(frontend).toEqual({
      app: { title: 'Acme Portal', baseUrl: 'https://idp.acme.com' },
      scorecards: {
        title: 'Scores',
        levels: ['bronze', 'gold'],
        display: { theme: 'dark', undeclared: 'inherits' },
        links: [{ url: 'https://a.example' }],
      },
    });
  });

  it('never contains a secret, not even one copied into a frontend field', () => {
    const text = JSON.stringify(frontend);
    for (const secret of [
      'db-pass',
      'ci-token-0123456789',
      'x'.repeat(32),
      'track-secret',
      'link-secret',
      'api-token-secret',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('gives the default app title to the browser when none is configured', () => {
    const bare = createRootConfig({});
    validateConfig(bare, coreConfigSchemas);

    expect(filterFrontendConfig(bare, coreConfigSchemas)).toEqual({ app: { title: 'Atrium' } });
  });
});
