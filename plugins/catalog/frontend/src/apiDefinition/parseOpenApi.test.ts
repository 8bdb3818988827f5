import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDefinitionDocument } from './parseDefinitionDocument';
import { parseOpenApi } from './parseOpenApi';

const demo = (file: string) => readFileSync(join(__dirname, '../../../../../demo/apis', file), 'utf8');

describe('parseOpenApi', () => {
  it('lists the operations of the demo payments API with their parameters, bodies and responses', async () => {
    const api = parseOpenApi(await parseDefinitionDocument(demo('payments-api.yaml')));
    expect(api).toMatchObject({ title: 'Payments API', version: '4.2.0' });
    expect(api.servers).toEqual(['https://payments.internal.acme-retail.example/v4']);
    expect(api.operations.map((o) => `${o.method.toUpperCase()} ${o.path}`)).toEqual([
      'POST /payments',
      'GET /payments/{paymentId}',
      'POST /payments/{paymentId}/capture',
      'POST /payments/{paymentId}/refunds',
    ]);
    const authorize = api.operations[0];
    expect(authorize?.summary).toBe('Authorise a payment (funds are held, not taken)');
    expect(authorize?.parameters).toEqual([
      { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string', maxLength: 64 } },
    ]);
    expect(authorize?.requestBody).toEqual({
      required: true,
      contents: [
        { mediaType: 'application/json', schema: { $ref: '#/components/schemas/AuthorizeRequest' } },
      ],
    });
    expect(authorize?.responses.map((r) => [r.status, r.description])).toEqual([
      ['201', 'The payment; check status for declines.'],
      ['400', 'The request is malformed.'],
    ]);
  });

  it('reads a JSON document without loading the YAML parser', async () => {
    const api = parseOpenApi(await parseDefinitionDocument(demo('recommendations-api.json')));
    expect(api.title).toBe('Recommendations API');
    expect(api.operations.length).toBeGreaterThan(0);
  });

  it('merges path-level parameters and reads Swagger 2 body parameters', () => {
    const api = parseOpenApi({
      swagger: '2.0',
      host: 'api.example.com',
      basePath: '/v1',
      paths: {
        '/pets/{id}': {
          parameters: [{ name: 'id', in: 'path', type: 'string' }],
          put: {
            parameters: [{ name: 'pet', in: 'body', required: true, schema: { type: 'object' } }],
            responses: { 200: { description: 'ok', schema: { type: 'object' } } },
          },
        },
      },
    });
    expect(api.servers).toEqual(['api.example.com/v1']);
    const [put] = api.operations;
    expect(put?.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { name: 'id', in: 'path', type: 'string' } },
    ]);
    expect(put?.requestBody).toEqual({
      required: true,
      contents: [{ mediaType: 'application/json', schema: { type: 'object' } }],
    });
    expect(put?.responses).toEqual([
      {
        status: '200',
        description: 'ok',
        contents: [{ mediaType: 'application/json', schema: { type: 'object' } }],
      },
    ]);
  });

  it('shows nothing rather than failing on a document that is not OpenAPI', () => {
    expect(parseOpenApi('just a string')).toEqual({ servers: [], operations: [] });
  });
});
