import type { ConfigSchemaEntry } from './ConfigSchemaEntry';
import { collectSecrets } from './collectSecrets';
import { coreConfigSchemas } from './coreConfigSchemas';
import { createRootConfig } from './createRootConfig';

const githubSchema: ConfigSchemaEntry = {
  key: 'github',
  declaredIn: 'plugins/github/plugin.yaml',
  schema: {
    type: 'object',
    properties: {
      host: { type: 'string', visibility: 'frontend' },
      app: {
        type: 'object',
        visibility: 'secret',
        properties: { id: { type: 'integer' }, privateKey: { type: 'string' }, clientId: { type: 'string' } },
      },
      installations: {
        type: 'array',
        items: {
          type: 'object',
          properties: { org: { type: 'string' }, token: { type: 'string', visibility: 'secret' } },
        },
      },
      webhooks: { type: 'object', additionalProperties: { type: 'string', visibility: 'secret' } },
      extra: {
        allOf: [{ type: 'object' }, { properties: { apiKey: { type: 'string', visibility: 'secret' } } }],
      },
    },
  },
};

describe('collectSecrets', () => {
  it('collects every string under a field marked secret, through objects, arrays, maps and allOf', () => {
    const config = createRootConfig({
      github: {
        host: 'github.com',
        app: { id: 12, privateKey: '-----BEGIN KEY-----', clientId: 'Iv1.abcdef' },
        installations: [
          { org: 'acme', token: 'ghs_acme_token' },
          { org: 'other', token: 'ghs_other_token' },
        ],
        webhooks: { push: 'whsec_push', release: 'whsec_release' },
        extra: { apiKey: 'key-from-allof', visible: 'fine' },
      },
    });

    expect(collectSecrets(config, [githubSchema]).sort()).toEqual(
      [
        '-----BEGIN KEY-----',
        'Iv1.abcdef',
        'ghs_acme_token',
        'ghs_other_token',
        'key-from-allof',
        'whsec_push',
        'whsec_release',
      ].sort(),
    );
  });

  it('collects the core secrets: static tokens, the session secret and the database password', () => {
    const config = createRootConfig({
      auth: {
        tokens: [{ token: 'ci-token-0123456789', subject: 'user:default/ci' }],
        session: { secret: 's'.repeat(32) },
      },
      backend: { database: { client: 'pg', connection: { host: 'db', password: 'db-password' } } },
    });

    expect(collectSecrets(config, coreConfigSchemas).sort()).toEqual(
      ['ci-token-0123456789', 'db-password', 's'.repeat(32)].sort(),
    );
  });

  it('collects the static tokens and a password inside a connection URL even without the core schemas', () => {
    const config = createRootConfig({
      auth: { tokens: [{ token: 'ci-token-0123456789' }] },
      backend: { database: { client: 'pg', connection: 'postgres://atrium:p%40ss@db:5432/atrium' } },
    });

    expect(collectSecrets(config, []).sort()).toEqual(['ci-token-0123456789', 'p@ss']);
  });

  it('finds nothing secret in a config without secret fields', () => {
    const config = createRootConfig({
      github: { host: 'github.com' },
      backend: { database: { connection: './data' } },
    });

    expect(collectSecrets(config, [githubSchema, ...coreConfigSchemas])).toEqual([]);
  });
});
