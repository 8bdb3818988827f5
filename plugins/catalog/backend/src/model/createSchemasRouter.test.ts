import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestHost, type TestHost } from '@atrium/backend/testing';
import { AtriumError } from '@atrium/plugin-api';
import express, { type ErrorRequestHandler } from 'express';
import request from 'supertest';
import { parse } from 'yaml';
import { createKindRegistry } from './createKindRegistry';
import { createSchemasRouter } from './createSchemasRouter';
import { kindsConfigSchema } from './kindsConfigSchema';

const toStatus: ErrorRequestHandler = (error, _req, res, _next) => {
  res
    .status(error instanceof AtriumError ? error.statusCode : 500)
    .json({ error: { message: error.message } });
};

function createApp() {
  const registry = createKindRegistry([
    {
      kind: 'KafkaTopic',
      apiVersions: ['example.com/v1'],
      description: 'A Kafka topic.',
      specSchema: { required: ['owner'] },
    },
  ]);
  const app = express();
  app.use('/api/catalog', createSchemasRouter(registry));
  app.use(toStatus);
  return app;
}

describe('createSchemasRouter', () => {
  const app = createApp();

  it('lists every kind with the URL of its schema', async () => {
    const res = await request(app).get('/api/catalog/schemas').expect(200);
    expect(res.body.entity.url).toBe('/api/catalog/schemas/entity.json');
    expect(res.body.kinds).toContainEqual({
      kind: 'KafkaTopic',
      description: 'A Kafka topic.',
      apiVersions: ['example.com/v1'],
      url: '/api/catalog/schemas/kinds/KafkaTopic.json',
    });
    expect(res.body.kinds.map((k: { kind: string }) => k.kind)).toEqual([
      'Component',
      'API',
      'Resource',
      'System',
      'Domain',
      'Group',
      'User',
      'Location',
      'Template',
      'KafkaTopic',
    ]);
  });

  it('serves the whole-document schema as JSON Schema with one if/then per kind', async () => {
    const res = await request(app).get('/api/catalog/schemas/entity.json').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/schema\+json/);
    const schema = JSON.parse(res.text);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.kind.enum).toContain('KafkaTopic');
    expect(schema.allOf).toHaveLength(10);
    expect(schema.allOf[0]).toMatchObject({
      if: { properties: { kind: { const: 'Component' } } },
      // biome-ignore lint/suspicious/noThenProperty: `then` is JSON Schema's keyword, not a thenable
      then: { properties: { spec: { required: ['type', 'lifecycle', 'owner'] } } },
    });
  });

  it('serves one kind, matching its name case-insensitively', async () => {
    const res = await request(app).get('/api/catalog/schemas/kinds/kafkatopic.json').expect(200);
    const schema = JSON.parse(res.text);
    expect(schema.title).toBe('KafkaTopic entity');
    expect(schema.properties.kind.const).toBe('KafkaTopic');
    expect(schema.properties.spec.required).toEqual(['owner']);
  });

  it('answers 404 naming the known kinds for an unknown kind', async () => {
    const res = await request(app).get('/api/catalog/schemas/kinds/Widget.json').expect(404);
    expect(res.body.error.message).toBe(
      "No schema for kind 'Widget'; known kinds are Component, API, Resource, System, Domain, Group, User, Location, Template, KafkaTopic",
    );
  });
});

describe('the schemas routes in a running host', () => {
  let host: TestHost;

  beforeAll(async () => {
    host = await createTestHost({
      pluginDirs: [join(__dirname, '__fixtures__/plugins')],
      enabled: { catalog: {} },
      config: {
        catalog: {
          kinds: [
            {
              kind: 'MLModel',
              apiVersions: ['ml.example.com/v1'],
              specSchema: { type: 'object', required: ['owner'], properties: { owner: { type: 'string' } } },
              relations: [{ field: 'owner', type: 'ownedBy', inverseType: 'ownerOf', defaultKind: 'Group' }],
            },
          ],
        },
      },
    });
  });

  afterAll(async () => {
    await host?.stop();
  });

  it('declares exactly the kinds config schema in the manifest fixture the lead copies', async () => {
    const manifest = parse(
      await readFile(join(__dirname, '__fixtures__/plugins/catalog/plugin.yaml'), 'utf8'),
    );
    expect(manifest.config.properties.kinds).toEqual(kindsConfigSchema);
  });

  it('serves schemas without credentials, including configured kinds', async () => {
    const res = await host.fetch('/api/catalog/schemas/kinds/MLModel.json', { token: null });
    expect(res.status).toBe(200);
    expect(
      ((await res.json()) as { properties: { apiVersion: { enum: string[] } } }).properties.apiVersion.enum,
    ).toEqual(['ml.example.com/v1']);
  });

  it('validates documents of configured kinds through the registry built from config', async () => {
    const res = await host.fetch('/api/catalog/test/validate', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        apiVersion: 'ml.example.com/v1',
        kind: 'MLModel',
        metadata: { name: 'm' },
        spec: {},
      }),
    });
    expect(await res.json()).toEqual([
      "url:https://example.com/catalog-info.yaml: spec.owner: must have required property 'owner' (MLModel requires spec.owner)",
    ]);
  });

  it('keeps other routes authenticated', async () => {
    const res = await host.fetch('/api/catalog/test/validate', { method: 'POST', token: null });
    expect(res.status).toBe(401);
  });
});
